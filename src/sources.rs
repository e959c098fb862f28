//! The kinds of source a basis line rests on, told to the reader in plain
//! words on every line (政策解读's 依据, the self-check's 依据), so that a
//! family can weigh a rule read in the State Council's own text against one
//! read in a newspaper's report. The data files name a kind for every basis
//! (`build/sources.rs` checks it); the app only shows it.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// 国家文件原文: the national document's own text (or a verbatim copy).
    Law,
    /// 官方网站: a government page (province, city or county).
    Official,
    /// 官方文件的转载: an official text read only as a repost elsewhere.
    Repost,
    /// 媒体报道: a newspaper or agency report about it.
    Media,
    /// 本工具整理: the tool's own summary or screening convention.
    Own,
}

impl SourceKind {
    pub const ALL: [SourceKind; 5] = [
        SourceKind::Law,
        SourceKind::Official,
        SourceKind::Repost,
        SourceKind::Media,
        SourceKind::Own,
    ];

    /// As stored in the content pack and the generated tables.
    pub fn key(self) -> &'static str {
        match self {
            SourceKind::Law => "law",
            SourceKind::Official => "official",
            SourceKind::Repost => "repost",
            SourceKind::Media => "media",
            SourceKind::Own => "own",
        }
    }

    /// An unknown key reads as the weakest kind, so a damaged pack can only
    /// make a line more cautious, never less.
    pub fn from_key(key: &str) -> SourceKind {
        SourceKind::ALL
            .into_iter()
            .find(|k| k.key() == key)
            .unwrap_or(SourceKind::Own)
    }

    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Law => "国家文件原文",
            SourceKind::Official => "官方网站",
            SourceKind::Repost => "官方文件的转载",
            SourceKind::Media => "媒体报道",
            SourceKind::Own => "本工具整理",
        }
    }

    /// What a basis line says of its source: the label, and 以当地为准 beside
    /// it when the source is second-hand ([`SourceKind::check_locally`]).
    pub fn told(self) -> &'static str {
        match self {
            SourceKind::Law => "国家文件原文",
            SourceKind::Official => "官方网站",
            SourceKind::Repost => "官方文件的转载，以当地为准",
            SourceKind::Media => "媒体报道，以当地为准",
            SourceKind::Own => "本工具整理，以当地为准",
        }
    }

    /// Whether what rests on it must say 以当地为准 beside it: anything read
    /// second-hand or summarised by us.
    pub fn check_locally(self) -> bool {
        matches!(
            self,
            SourceKind::Repost | SourceKind::Media | SourceKind::Own
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_unknown_is_the_most_cautious() {
        for k in SourceKind::ALL {
            assert_eq!(SourceKind::from_key(k.key()), k);
        }
        assert_eq!(SourceKind::from_key("verified"), SourceKind::Own);
        assert!(SourceKind::from_key("").check_locally());
        assert!(!SourceKind::Law.check_locally());
        for k in SourceKind::ALL {
            assert!(k.told().starts_with(k.label()));
            assert_eq!(k.told().ends_with("以当地为准"), k.check_locally());
        }
    }
}
