//! 元数据补丁 (metadata patch): the fields a `book.toml` sets, applied over what the reader
//! recovered. The patch is a [`Metadata`] plus the names of the fields it sets; fields are copied
//! by name through [`Metadata::copy_field`], generated from the one field list.

use super::Metadata;

/// Metadata fields set by the user, each replacing the recovered value as a whole.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetadataPatch {
    /// The values (fields not in `keys` are defaults and are not applied).
    meta: Metadata,
    /// The top-level field names set, in the order given.
    keys: Vec<String>,
}

impl MetadataPatch {
    /// A patch setting `keys` of `meta`; `None` if a key is not a metadata field.
    pub fn new(meta: Metadata, keys: Vec<String>) -> Option<Self> {
        keys.iter()
            .all(|k| Metadata::FIELDS.contains(&k.as_str()))
            .then_some(MetadataPatch { meta, keys })
    }

    /// Whether the patch sets the field `key` (`isbn`, `date` …).
    pub fn sets(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k == key)
    }

    /// The field names set, in order.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    /// The patch's values.
    pub fn values(&self) -> &Metadata {
        &self.meta
    }

    /// This patch, then `later` over it (a key both set takes `later`'s value).
    pub fn then(mut self, later: &MetadataPatch) -> Self {
        for k in &later.keys {
            self.meta.copy_field(&later.meta, k);
            if !self.sets(k) {
                self.keys.push(k.clone());
            }
        }
        self
    }

    /// Overwrites the fields this patch sets; the others stay as read.
    pub fn apply(&self, meta: &mut Metadata) {
        for k in &self.keys {
            meta.copy_field(&self.meta, k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_keys_set_are_applied() {
        let user = Metadata {
            title: "用户的书名".into(),
            publisher: Some("不应用".into()),
            ..Metadata::default()
        };
        let patch = MetadataPatch::new(user, vec!["title".into()]).unwrap();
        let mut read = Metadata {
            title: "读出的书名".into(),
            publisher: Some("读出的出版社".into()),
            language: crate::model::LanguageTag::known("zh-CN"),
            ..Metadata::default()
        };
        patch.apply(&mut read);
        assert_eq!(read.title, "用户的书名");
        assert_eq!(read.publisher.as_deref(), Some("读出的出版社"));
        assert_eq!(read.language, "zh-CN");
        assert!(patch.sets("title") && !patch.sets("publisher"));
        assert!(MetadataPatch::new(Metadata::default(), vec!["nonsense".into()]).is_none());
    }

    #[test]
    fn a_set_none_clears_and_later_patches_win() {
        let clear = MetadataPatch::new(Metadata::default(), vec!["publisher".into()]).unwrap();
        let title = |t: &str| {
            MetadataPatch::new(
                Metadata {
                    title: t.into(),
                    ..Metadata::default()
                },
                vec!["title".into()],
            )
            .unwrap()
        };
        let both = clear.then(&title("甲")).then(&title("乙"));
        assert_eq!(both.keys(), ["publisher", "title"]);
        let mut m = Metadata {
            publisher: Some("x".into()),
            ..Metadata::default()
        };
        both.apply(&mut m);
        assert_eq!((m.title.as_str(), m.publisher), ("乙", None));
    }
}
