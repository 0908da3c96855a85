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

/// The longest notes or decisions an item keeps, in characters.
pub const MAX_NOTES: usize = 100_000;

/// Where an item sits in the tree: its parent and its position among siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub position: i32,
}

/// A change of place asked for by the editor's buttons or the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Move {
    Up,
    Down,
    /// Becomes the last child of the sibling above it.
    Indent,
    /// Becomes the next sibling of its parent.
    Outdent,
}

impl Move {
    pub fn as_str(self) -> &'static str {
        match self {
            Move::Up => "up",
            Move::Down => "down",
            Move::Indent => "indent",
            Move::Outdent => "outdent",
        }
    }
}

impl std::str::FromStr for Move {
    type Err = &'static str;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [Move::Up, Move::Down, Move::Indent, Move::Outdent]
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or("invalid-choice")
    }
}

/// Sibling lists by parent, each in display order.
type Siblings = std::collections::HashMap<Option<i64>, Vec<i64>>;

fn siblings<T: Outlined>(items: &[T]) -> Siblings {
    let mut sorted: Vec<&T> = items.iter().collect();
    sorted.sort_by_key(|i| (i.position(), i.id()));
    let mut map = Siblings::new();
    for item in sorted {
        map.entry(item.parent_id()).or_default().push(item.id());
    }
    map
}

/// The placements that differ from `items` once every sibling list is numbered
/// 0, 1, 2, ... again: what the database has to write.
fn changes<T: Outlined>(items: &[T], after: &Siblings) -> Vec<Placement> {
    let mut out = Vec::new();
    for (parent, ids) in after {
        for (index, id) in ids.iter().enumerate() {
            let position = i32::try_from(index).unwrap_or(i32::MAX);
            let unchanged = items
                .iter()
                .any(|i| i.id() == *id && i.parent_id() == *parent && i.position() == position);
            if !unchanged {
                out.push(Placement {
                    id: *id,
                    parent_id: *parent,
                    position,
                });
            }
        }
    }
    out.sort_by_key(|p| p.id);
    out
}

fn locate(map: &Siblings, id: i64) -> Option<(Option<i64>, usize)> {
    map.iter()
        .find_map(|(parent, ids)| ids.iter().position(|i| *i == id).map(|index| (*parent, index)))
}

/// The placements `movement` of item `id` leads to, or the id of the message saying
/// why it cannot move (the first item cannot go up, a top-level one cannot outdent).
pub fn moved<T: Outlined>(items: &[T], id: i64, movement: Move) -> Result<Vec<Placement>, &'static str> {
    let mut map = siblings(items);
    let (parent, index) = locate(&map, id).ok_or("agenda-item-missing")?;
    let list = map.entry(parent).or_default();
    match movement {
        Move::Up if index > 0 => list.swap(index, index - 1),
        Move::Down if index + 1 < list.len() => list.swap(index, index + 1),
        Move::Indent if index > 0 => {
            let new_parent = list[index - 1];
            list.remove(index);
            map.entry(Some(new_parent)).or_default().push(id);
        }
        Move::Outdent => {
            let Some(old_parent) = parent else {
                return Err("agenda-cannot-move");
            };
            list.remove(index);
            let (grandparent, parent_index) = locate(&map, old_parent).ok_or("agenda-item-missing")?;
            map.entry(grandparent).or_default().insert(parent_index + 1, id);
        }
        _ => return Err("agenda-cannot-move"),
    }
    Ok(changes(items, &map))
}

/// The placements that close the gap item `id` (and its sub-items) leaves behind.
pub fn removed<T: Outlined>(items: &[T], id: i64) -> Vec<Placement> {
    let mut map = siblings(items);
    if let Some((parent, index)) = locate(&map, id) {
        map.entry(parent).or_default().remove(index);
    }
    map.remove(&Some(id));
    changes(items, &map)
}

/// The position a new item takes under `parent`: after its last sibling.
pub fn next_position<T: Outlined>(items: &[T], parent: Option<i64>) -> i32 {
    items
        .iter()
        .filter(|i| i.parent_id() == parent)
        .map(|i| i.position() + 1)
        .max()
        .unwrap_or(0)
}

/// The ids of every item below `id`, at any depth.
pub fn descendants<T: Outlined>(items: &[T], id: i64) -> Vec<i64> {
    let mut found = Vec::new();
    let mut frontier = vec![id];
    while let Some(parent) = frontier.pop() {
        for child in items.iter().filter(|i| i.parent_id() == Some(parent)) {
            found.push(child.id());
            frontier.push(child.id());
        }
    }
    found
}

/// Minutes allotted to an item, typed as a whole number from 1 to 600; empty for none.
pub fn minutes_allotted(value: &str) -> Result<Option<i32>, &'static str> {
    match value.trim() {
        "" => Ok(None),
        v => v
            .parse::<i32>()
            .ok()
            .filter(|m| (1..=600).contains(m))
            .map(Some)
            .ok_or("agenda-invalid-minutes"),
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

    /// The outline as "number:id" after applying `placements` to `items`.
    fn after(items: &[Item], placements: &[Placement]) -> Vec<String> {
        let moved: Vec<Item> = items
            .iter()
            .map(|i| match placements.iter().find(|p| p.id == i.0) {
                Some(p) => Item(p.id, p.parent_id, p.position),
                None => Item(i.0, i.1, i.2),
            })
            .collect();
        outline(&moved)
            .into_iter()
            .map(|n| format!("{}:{}", n.number, n.item.0))
            .collect()
    }

    /// 1, 2 (2.1, 2.2), 3
    fn reference() -> Vec<Item> {
        vec![
            Item(1, None, 0),
            Item(2, None, 1),
            Item(3, Some(2), 0),
            Item(4, Some(2), 1),
            Item(5, None, 2),
        ]
    }

    #[test]
    fn up_and_down_swap_neighbours_only() {
        let items = reference();
        let down = moved(&items, 1, Move::Down).unwrap();
        assert_eq!(after(&items, &down), ["1:2", "1.1:3", "1.2:4", "2:1", "3:5"]);
        assert_eq!(down.len(), 2, "only the two swapped items are written");
        let up = moved(&items, 4, Move::Up).unwrap();
        assert_eq!(after(&items, &up), ["1:1", "2:2", "2.1:4", "2.2:3", "3:5"]);
        assert_eq!(moved(&items, 1, Move::Up), Err("agenda-cannot-move"));
        assert_eq!(moved(&items, 4, Move::Down), Err("agenda-cannot-move"));
    }

    #[test]
    fn indent_joins_the_item_above_as_its_last_child() {
        let items = reference();
        let indented = moved(&items, 5, Move::Indent).unwrap();
        assert_eq!(after(&items, &indented), ["1:1", "2:2", "2.1:3", "2.2:4", "2.3:5"]);
        assert_eq!(
            moved(&items, 3, Move::Indent),
            Err("agenda-cannot-move"),
            "no sibling above"
        );
    }

    #[test]
    fn outdent_follows_the_parent_and_closes_the_gap() {
        let items = reference();
        let outdented = moved(&items, 3, Move::Outdent).unwrap();
        assert_eq!(after(&items, &outdented), ["1:1", "2:2", "2.1:4", "3:3", "4:5"]);
        assert_eq!(moved(&items, 1, Move::Outdent), Err("agenda-cannot-move"));
    }

    #[test]
    fn removing_renumbers_the_siblings_densely() {
        let items = reference();
        let closed = removed(&items, 2);
        assert_eq!(
            closed,
            vec![Placement {
                id: 5,
                parent_id: None,
                position: 1
            }]
        );
        assert_eq!(next_position(&items, Some(2)), 2);
        assert_eq!(next_position(&items, Some(5)), 0);
    }

    #[test]
    fn gaps_left_by_older_data_are_closed_by_any_move() {
        let items = vec![Item(1, None, 3), Item(2, None, 7), Item(3, None, 9)];
        let placements = moved(&items, 3, Move::Up).unwrap();
        assert_eq!(after(&items, &placements), ["1:1", "2:3", "3:2"]);
        assert!(placements.iter().all(|p| (0..3).contains(&p.position)));
    }

    #[test]
    fn sub_items_at_any_depth_and_minutes() {
        let mut items = reference();
        items.push(Item(6, Some(4), 0));
        let mut below = descendants(&items, 2);
        below.sort();
        assert_eq!(below, [3, 4, 6]);
        assert_eq!(minutes_allotted(" 15 "), Ok(Some(15)));
        assert_eq!(minutes_allotted(""), Ok(None));
        assert_eq!(minutes_allotted("0"), Err("agenda-invalid-minutes"));
        assert_eq!(minutes_allotted("ten"), Err("agenda-invalid-minutes"));
    }
}
