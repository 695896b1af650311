//! List pages the server has built, kept with the version of the data they were built from.
//!
//! A page is served again only while the database still reports the same version (see
//! `Store::placements_list_version`), so a cached page is never older than the data: the
//! request asks the database for one number instead of running the list's query, decoding its
//! rows and writing them as JSON again. The database keeps the version, so several instances of
//! the server on one PostgreSQL each keep their own pages and never serve another's stale one.
//!
//! Memory is bounded by the bytes of the bodies kept. When a new page would pass the bound, the
//! pages of older versions go first, then all of them: a simple rule whose worst case (many
//! different pages asked at once) is the server without a cache.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

use bytes::Bytes;
use domain::contract::PlacementQuery;
use uuid::Uuid;

/// What makes two placement pages the same: the filters after the caller's scope was applied,
/// whose schools it covers, whether teachers are left out, and where the page starts and how
/// long it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PlacementPageKey {
    pub filter: PlacementQuery,
    pub member: Option<Uuid>,
    pub hide_teacher: bool,
    pub after: Option<Uuid>,
    pub limit: u32,
}

/// A page as sent: its JSON body and the tag of that body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedPage {
    pub body: Bytes,
    pub tag: String,
}

struct Entry {
    version: i64,
    page: CachedPage,
}

struct Pages<K> {
    entries: HashMap<K, Entry>,
    bytes: usize,
}

/// Pages by key (the filters, the caller's scope and the page's position), each with the
/// version it was built at.
pub struct PageCache<K> {
    pages: Mutex<Pages<K>>,
    max_bytes: usize,
}

impl<K: Hash + Eq> PageCache<K> {
    /// A cache that keeps at most `max_bytes` of bodies.
    pub fn new(max_bytes: usize) -> Self {
        Self {
            pages: Mutex::new(Pages {
                entries: HashMap::new(),
                bytes: 0,
            }),
            max_bytes,
        }
    }

    /// The page kept for `key`, if it was built at `version`.
    pub fn get(&self, key: &K, version: i64) -> Option<CachedPage> {
        let pages = self
            .pages
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        pages
            .entries
            .get(key)
            .filter(|entry| entry.version == version)
            .map(|entry| entry.page.clone())
    }

    /// Keeps `page` for `key`, built at `version`. A page larger than the whole bound is not
    /// kept. A page built at an older version than the one kept does not replace it: two
    /// requests may build the same page while a change commits between them.
    pub fn put(&self, key: K, version: i64, page: CachedPage) {
        let size = page.body.len();
        if size > self.max_bytes {
            return;
        }
        let mut pages = self
            .pages
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(kept) = pages.entries.get(&key)
            && kept.version > version
        {
            return;
        }
        if let Some(old) = pages.entries.remove(&key) {
            pages.bytes -= old.page.body.len();
        }
        if pages.bytes + size > self.max_bytes {
            pages.entries.retain(|_, entry| entry.version >= version);
            pages.bytes = pages.entries.values().map(|e| e.page.body.len()).sum();
        }
        if pages.bytes + size > self.max_bytes {
            pages.entries.clear();
            pages.bytes = 0;
        }
        pages.bytes += size;
        pages.entries.insert(key, Entry { version, page });
    }

    /// How many bytes of bodies are kept.
    #[cfg(test)]
    fn bytes(&self) -> usize {
        self.pages
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &'static str) -> CachedPage {
        CachedPage {
            body: Bytes::from_static(text.as_bytes()),
            tag: format!("\"{}\"", text.len()),
        }
    }

    #[test]
    fn a_page_is_served_only_at_the_version_it_was_built_at() {
        let cache = PageCache::new(1024);
        cache.put("open", 7, page("[1,2]"));
        assert_eq!(cache.get(&"open", 7), Some(page("[1,2]")));
        assert_eq!(cache.get(&"open", 8), None, "the data changed since");
        assert_eq!(cache.get(&"open", 6), None);
        assert_eq!(cache.get(&"filled", 7), None, "another page");
    }

    #[test]
    fn a_newer_page_replaces_an_older_one_but_not_the_other_way() {
        let cache = PageCache::new(1024);
        cache.put("open", 7, page("[1]"));
        cache.put("open", 8, page("[1,2]"));
        assert_eq!(cache.get(&"open", 8), Some(page("[1,2]")));
        cache.put("open", 7, page("[1]"));
        assert_eq!(
            cache.get(&"open", 8),
            Some(page("[1,2]")),
            "a request that read the version before a change finished last"
        );
        assert_eq!(cache.bytes(), 5);
    }

    #[test]
    fn the_bound_drops_older_versions_first_then_everything() {
        let cache = PageCache::new(10);
        cache.put("a", 1, page("aaaa"));
        cache.put("b", 2, page("bbbb"));
        assert_eq!(cache.bytes(), 8);
        // 8 + 4 > 10: the page of version 1 goes, version 2's stays.
        cache.put("c", 2, page("cccc"));
        assert_eq!(cache.get(&"a", 1), None);
        assert_eq!(cache.get(&"b", 2), Some(page("bbbb")));
        assert_eq!(cache.get(&"c", 2), Some(page("cccc")));
        assert_eq!(cache.bytes(), 8);
        // All of version 2 again: nothing older to drop, so everything goes.
        cache.put("d", 2, page("dddd"));
        assert_eq!(cache.get(&"b", 2), None);
        assert_eq!(cache.get(&"d", 2), Some(page("dddd")));
        assert_eq!(cache.bytes(), 4);
        // Exactly at the bound is kept; a page larger than the bound is not.
        cache.put("e", 2, page("eeeeee"));
        assert_eq!(cache.bytes(), 10);
        cache.put("f", 2, page("fffffffffff"));
        assert_eq!(cache.get(&"f", 2), None);
        assert_eq!(cache.bytes(), 10);
    }

    #[test]
    fn replacing_a_page_counts_its_bytes_once() {
        let cache = PageCache::new(10);
        cache.put("a", 1, page("aaaa"));
        cache.put("a", 2, page("aaaaaa"));
        assert_eq!(cache.bytes(), 6);
        assert_eq!(cache.get(&"a", 2), Some(page("aaaaaa")));
    }
}
