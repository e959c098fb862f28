//! 我已申报 on the screen: recording the day a household declared, the day
//! an answer is due (`check::declare`), and what to do once it has passed.
//! On the results for the household they belong to; on the home screen for
//! this phone's own family, with a line for the list's households.

use super::fields::TypedInput;
use super::links::Go;
use super::state::{use_app, AppState};
use crate::check::declare::{self, Declared, Programme, Status, OWN};
use crate::date::Date;
use crate::query::View;
use leptos::prelude::*;

/// A stamp for a change to `id`'s declaration for `programme` in `list`.
fn stamp(list: &[Declared], id: &str, programme: &str) -> u64 {
    declare::next_stamp(list, id, programme, js_sys::Date::now() as u64)
}

/// Changes the declarations; a household of the list counts as changed
/// since the last backup.
fn change(app: AppState, id: &str, f: impl FnOnce(&mut Vec<Declared>)) {
    app.extra.update(|e| {
        f(&mut e.declared);
        if id != OWN {
            e.mark_changed(id);
        }
    });
}

/// The sentence and, once the time has passed, what to do.
#[component]
fn DeclaredLine(d: Declared, who: String) -> impl IntoView {
    let app = use_app();
    let today = app.today;
    let sentence = declare::sentence(&d, today, &who).unwrap_or_default();
    let st = declare::status(&d, today);
    let late = st.is_some_and(Status::late);
    let advice = st
        .is_some_and(Status::act)
        .then(|| d.programme().map(declare::overdue_advice))
        .flatten()
        .map(|lines| {
            view! {
                <div class="advice">
                    <strong>"现在可以这样做："</strong>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            }
        });
    view! {
        <p class=if late { "declared late" } else { "declared" }>{sentence}</p>
        {advice}
    }
}

/// One programme on the results: recorded (its line, 有答复了, 改日期,
/// 删除) or not yet (a date, today by default, and 记下).
#[component]
fn ProgrammeRow(
    p: &'static Programme,
    id: String,
    since: Option<Date>,
    who: String,
) -> impl IntoView {
    let app = use_app();
    let today = app.today;
    let editing = RwSignal::new(false);
    let text = RwSignal::new(today.to_string());
    let message = RwSignal::new(String::new());
    let (id1, id2, id3, id4) = (id.clone(), id.clone(), id.clone(), id.clone());
    let record = move |_| match declare::read_date(&text.get_untracked(), today, since) {
        Ok(date) => {
            let id = id1.clone();
            change(app, &id.clone(), |list| {
                let stamp = stamp(list, &id, p.id);
                // A corrected date keeps the answer already noted.
                let answered = declare::find(list, &id, p.id).and_then(|d| d.answered.clone());
                declare::set(
                    list,
                    Declared {
                        id,
                        programme: p.id.to_string(),
                        date: date.to_string(),
                        answered,
                        stamp,
                        removed: false,
                    },
                )
            });
            message.set(String::new());
            editing.set(false);
        }
        Err(e) => message.set(e),
    };
    let answered = move |_| {
        let id = id2.clone();
        change(app, &id.clone(), |list| {
            if let Some(mut d) = declare::find(list, &id, p.id).cloned() {
                d.answered = Some(today.to_string());
                d.stamp = stamp(list, &id, p.id);
                declare::set(list, d);
            }
        });
    };
    let remove = move |_| {
        let id = id3.clone();
        change(app, &id.clone(), |list| {
            let stamp = stamp(list, &id, p.id);
            declare::remove(list, &id, p.id, stamp)
        });
        message.set(format!("已删除{}的申报记录。", p.name));
    };
    let input_id = format!("declare-date-{}", p.id);
    let row = move || {
        let found = app
            .extra
            .with(|e| declare::find(&e.declared, &id4, p.id).cloned());
        match found {
            Some(d) if !editing.get() => {
                let open = declare::status(&d, today).is_some_and(Status::open);
                let date = d.date.clone();
                view! {
                    <DeclaredLine d who=who.clone()/>
                    <div class="actions">
                        {open.then(|| view! {
                            <button type="button" class="secondary" id=format!("answered-{}", p.id) on:click=answered.clone()>
                                "有答复了"
                            </button>
                        })}
                        <button type="button" class="secondary" id=format!("fix-{}", p.id) on:click=move |_| {
                            text.set(date.clone());
                            editing.set(true);
                        }>
                            "改日期"
                        </button>
                        <button type="button" class="secondary" id=format!("remove-{}", p.id) on:click=remove.clone()>
                            "删除"
                        </button>
                    </div>
                }
                .into_any()
            }
            None if !editing.get() => view! {
                <button type="button" class="secondary" id=format!("declare-open-{}", p.id) on:click=move |_| editing.set(true)>
                    "已经申报了"
                </button>
            }
            .into_any(),
            _ => view! {
                <div class="field">
                    <label for=input_id.clone()>{format!("哪天申报的{}？", p.name)}</label>
                    <TypedInput id=input_id.clone() value=text on_text=Callback::new(move |t| text.set(t))/>
                    <p class="hint">"写成 2026-12-07 或 12月7日。"</p>
                </div>
                <button type="button" id=format!("declare-{}", p.id) on:click=record.clone()>
                    "我已申报，记下日期"
                </button>
            }
            .into_any(),
        }
    };
    view! {
        <li class="declare-row" id=format!("declare-row-{}", p.id)>
            <h3>{p.name}</h3>
            {row}
            <p class="message" role="status">{message}</p>
        </li>
    }
}

/// The results' 我已申报 card: the programmes the result names, and any
/// this household declared before, for household `id` (`OWN`: this
/// phone's family), whose first visit was `since`.
#[component]
pub fn DeclaredCard(
    programmes: Vec<&'static Programme>,
    id: String,
    since: Option<Date>,
    who: String,
) -> impl IntoView {
    let app = use_app();
    let mut all = programmes;
    app.extra.with_untracked(|e| {
        for d in declare::of(&e.declared, &id) {
            if let Some(p) = d.programme() {
                if !all.iter().any(|x| x.id == p.id) {
                    all.push(p);
                }
            }
        }
    });
    if all.is_empty() {
        return None;
    }
    // What was declared shows; the rest waits behind one line, so a
    // family that has not declared yet is not shown a list of buttons.
    let (done, rest): (Vec<_>, Vec<_>) = app.extra.with_untracked(|e| {
        all.into_iter()
            .partition(|p| declare::find(&e.declared, &id, p.id).is_some())
    });
    let row = |p| view! { <ProgrammeRow p id=id.clone() since who=who.clone()/> };
    let done_rows = done.into_iter().map(row).collect_view();
    let more = (!rest.is_empty()).then(|| {
        let rows = rest.into_iter().map(row).collect_view();
        view! {
            <details id="declare-more">
                <summary>"已经去申报了？记下日期"</summary>
                <p class="hint">
                    "记下哪天申报的，这里会算出按规定哪天前应有答复（不算周末和节假日），过了期限告诉您怎么办。只存在这部手机上。"
                </p>
                <ul class="declare-list">{rows}</ul>
            </details>
        }
    });
    // A cadre's phone (it has a list) checking a family it has not saved:
    // declarations here would be this phone's own family's.
    let cadre_hint = (id == declare::OWN && app.households.with_untracked(|l| !l.is_empty())).then(|| {
        view! {
            <p class="hint" id="declare-own-hint">
                "这里记的是这部手机自己家的申报。给别的农户记，请先在下面“保存这一户”，再记日期。"
            </p>
        }
    });
    Some(view! {
        <section class="card no-print" aria-labelledby="declared-title" id="declared">
            <h2 id="declared-title">"我已申报"</h2>
            {cadre_hint}
            <ul class="declare-list">{done_rows}</ul>
            {more}
        </section>
    })
}

/// The home screen's line: this phone's own declarations, and how many of
/// the list's households wait for an answer.
#[component]
pub fn HomeDeclared() -> impl IntoView {
    let app = use_app();
    move || {
        let today = app.today;
        let (own, waiting, late) = app.extra.with(|e| {
            let own: Vec<Declared> = declare::of(&e.declared, OWN).into_iter().cloned().collect();
            let mut waiting = Vec::new();
            let mut late = Vec::new();
            for d in e.declared.iter().filter(|d| d.id != OWN && !d.removed) {
                if let Some(s) = declare::status(d, today).filter(|s| s.open()) {
                    if !waiting.contains(&d.id) {
                        waiting.push(d.id.clone());
                    }
                    if s.late() && !late.contains(&d.id) {
                        late.push(d.id.clone());
                    }
                }
            }
            (own, waiting.len(), late.len())
        });
        if own.is_empty() && waiting == 0 {
            return None;
        }
        let own = own
            .into_iter()
            .filter(|d| declare::status(d, today).is_some())
            .map(|d| view! { <DeclaredLine d who="您家".to_string()/> })
            .collect_view();
        let list = (waiting > 0).then(|| {
            let text = if late > 0 {
                format!(
                    "农户名单里有 {waiting} 户申报了在等答复，其中 {late} 户已经过了规定的期限。"
                )
            } else {
                format!("农户名单里有 {waiting} 户申报了在等答复。")
            };
            view! {
                <p id="home-list-waiting">
                    {text} " "
                    <Go to=View::Households>"看名单"</Go>
                </p>
            }
        });
        Some(view! {
            <section class="card" aria-labelledby="home-declared-title" id="home-declared">
                <h2 id="home-declared-title">"申报以后"</h2>
                {own}
                {list}
                <Go to=View::Check class="button secondary">"看自查结果和申报记录"</Go>
            </section>
        })
    }
}
