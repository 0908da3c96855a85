//! Turning the stored agenda tree (parent and position) into the numbered outline
//! people read: 1, 2, 2.1, 2.2, 2.2.1, ...

/// The fields of an agenda item that decide its place in the outline.
pub trait Outlined {
    fn id(&self) -> i64;
    fn parent_id(&self) -> Option<i64>;
    fn position(&self) -> i32;
}

/// An item with its outline number ("2.2.1") and depth (0 for top-level items).
#[derive(Debug)]
pub struct Numbered<'a, T> {
    pub number: String,
    pub depth: usize,
    pub item: &'a T,
}

/// Orders items depth-first by position and numbers them. Items whose parent is
/// missing from `items` are left out rather than shown in the wrong place.
pub fn outline<T: Outlined>(items: &[T]) -> Vec<Numbered<'_, T>> {
    let mut out = Vec::with_capacity(items.len());
    push_children(items, None, "", 0, &mut out);
    out
}

fn push_children<'a, T: Outlined>(
    items: &'a [T],
    parent: Option<i64>,
    prefix: &str,
    depth: usize,
    out: &mut Vec<Numbered<'a, T>>,
) {
    let mut children: Vec<&T> = items.iter().filter(|i| i.parent_id() == parent).collect();
    children.sort_by_key(|i| (i.position(), i.id()));
    for (index, child) in children.into_iter().enumerate() {
        let number = format!("{prefix}{}", index + 1);
        let child_prefix = format!("{number}.");
        out.push(Numbered {
            number,
            depth,
            item: child,
        });
        push_children(items, Some(child.id()), &child_prefix, depth + 1, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Item(i64, Option<i64>, i32);
    impl Outlined for Item {
        fn id(&self) -> i64 {
            self.0
        }
        fn parent_id(&self) -> Option<i64> {
            self.1
        }
        fn position(&self) -> i32 {
            self.2
        }
    }

    #[test]
    fn numbers_nested_items_depth_first_by_position() {
        // Stored out of order, as rows come back from a table.
        let items = vec![
            Item(5, Some(2), 1),
            Item(2, None, 1),
            Item(1, None, 0),
            Item(4, Some(2), 0),
            Item(6, Some(5), 0),
            Item(3, None, 2),
        ];
        let numbered: Vec<(String, usize, i64)> = outline(&items)
            .into_iter()
            .map(|n| (n.number, n.depth, n.item.0))
            .collect();
        assert_eq!(
            numbered,
            vec![
                ("1".into(), 0, 1),
                ("2".into(), 0, 2),
                ("2.1".into(), 1, 4),
                ("2.2".into(), 1, 5),
                ("2.2.1".into(), 2, 6),
                ("3".into(), 0, 3),
            ]
        );
    }

    #[test]
    fn orphans_are_left_out() {
        let items = vec![Item(1, None, 0), Item(2, Some(99), 0)];
        assert_eq!(outline(&items).len(), 1);
    }
}
