//! How the app's own formats (the stored record, the household backup) are
//! read with serde: a field the format allows to be left out may also be
//! `null`, and a field that holds a struct must hold a JSON object. Serde's
//! derives would also read a struct from an array of its fields in order;
//! the app never writes that, so it is a damaged file, not a record.
//!
//! Used as `#[serde(deserialize_with = "…")]` on fields, together with
//! `#[serde(default)]` where the field may be missing.

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// A `T` read only from an object (a map), never from an array.
pub struct Obj<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Only<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Only<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_map(Only(PhantomData)).map(Obj)
    }
}

/// `null` reads as the default (use with `#[serde(default)]` for missing).
pub fn or_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// An object, or `null` for the default.
pub fn object_or_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<Obj<T>>::deserialize(d)?.map_or_else(T::default, |o| o.0))
}

/// An object, or `null` for `None`.
pub fn optional_object<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Obj<T>>::deserialize(d)?.map(|o| o.0))
}

/// An array of objects.
pub fn objects<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Vec::<Obj<T>>::deserialize(d)?
        .into_iter()
        .map(|o| o.0)
        .collect())
}

/// An array of objects, or `null` for none.
pub fn objects_or_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<Obj<T>>>::deserialize(d)?
        .unwrap_or_default()
        .into_iter()
        .map(|o| o.0)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Default, PartialEq, Deserialize)]
    #[serde(default)]
    struct Inner {
        a: String,
        b: String,
    }

    #[derive(Debug, Default, PartialEq, Deserialize)]
    #[serde(default)]
    struct Outer {
        #[serde(deserialize_with = "object_or_default")]
        inner: Inner,
        #[serde(deserialize_with = "optional_object")]
        maybe: Option<Inner>,
        #[serde(deserialize_with = "objects_or_empty")]
        list: Vec<Inner>,
        #[serde(deserialize_with = "or_default")]
        n: u32,
    }

    fn read(text: &str) -> Result<Outer, serde_json::Error> {
        serde_json::from_str::<Obj<Outer>>(text).map(|o| o.0)
    }

    #[test]
    fn objects_missing_or_null_read_as_empty() {
        let empty = Outer::default();
        assert_eq!(read("{}").unwrap(), empty);
        assert_eq!(
            read(r#"{"inner":null,"maybe":null,"list":null,"n":null}"#).unwrap(),
            empty
        );
        let full = read(r#"{"inner":{"a":"x"},"maybe":{},"list":[{"b":"y"}],"n":3}"#).unwrap();
        assert_eq!(full.inner.a, "x");
        assert_eq!(full.maybe, Some(Inner::default()));
        assert_eq!(full.list[0].b, "y");
        assert_eq!(full.n, 3);
    }

    #[test]
    fn a_struct_is_never_read_from_an_array() {
        for bad in [
            r#"[]"#,
            r#"{"inner":["x","y"]}"#,
            r#"{"inner":[]}"#,
            r#"{"maybe":["x"]}"#,
            r#"{"list":[["x","y"]]}"#,
            r#"{"list":{}}"#,
            r#"{"inner":"x"}"#,
            r#"{"n":"3"}"#,
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }
}
