//! The agenda a new meeting starts from: the previous meeting's outline, or the
//! group's template, always opening with the review of action points.

/// One item of a starting agenda, in outline order; `depth` 0 is a top-level item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedItem {
    pub depth: usize,
    pub title: String,
    pub presenter: Option<String>,
    pub minutes_allotted: Option<i32>,
    pub reporting_group_id: Option<i64>,
}

impl SeedItem {
    pub fn titled(depth: usize, title: &str) -> Self {
        SeedItem {
            depth,
            title: title.to_owned(),
            presenter: None,
            minutes_allotted: None,
            reporting_group_id: None,
        }
    }
}

/// Longest title an agenda item may have (as the database checks).
const MAX_TITLE_CHARS: usize = 300;

/// The group's template: one item per line; each two spaces (or a tab) of
/// indentation nest one level deeper, never more than one level below the line
/// before; blank lines are skipped and overlong titles cut.
pub fn parse_template(text: &str) -> Vec<SeedItem> {
    let mut items: Vec<SeedItem> = Vec::new();
    for line in text.lines() {
        let title = line.trim();
        if title.is_empty() {
            continue;
        }
        let indent: usize = line
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 2 } else { 1 })
            .sum();
        let deepest = items.last().map_or(0, |previous| previous.depth + 1);
        let title: String = title.chars().take(MAX_TITLE_CHARS).collect();
        items.push(SeedItem::titled((indent / 2).min(deepest), &title));
    }
    items
}

/// Whether a title is the review of action points, however the group words it
/// ("Review of action points", "Review action points", "Action points review").
pub fn is_review(title: &str) -> bool {
    let title = title.to_lowercase();
    title.contains("review") && title.contains("action point")
}

/// Puts the review of action points first: an existing top-level review item moves
/// to the front with its sub-items, otherwise one titled `review_title` is added.
pub fn review_first(items: Vec<SeedItem>, review_title: &str) -> Vec<SeedItem> {
    let start = items.iter().position(|i| i.depth == 0 && is_review(&i.title));
    let Some(start) = start else {
        let mut out = vec![SeedItem::titled(0, review_title)];
        out.extend(items);
        return out;
    };
    let end = items[start + 1..]
        .iter()
        .position(|i| i.depth == 0)
        .map_or(items.len(), |offset| start + 1 + offset);
    let mut out: Vec<SeedItem> = items[start..end].to_vec();
    out.extend(items[..start].iter().cloned());
    out.extend(items[end..].iter().cloned());
    out
}

/// Where each item goes: its parent's index in `items` (`None` at the top) and its
/// position among its siblings, counted from 0.
pub fn placements(items: &[SeedItem]) -> Vec<(Option<usize>, i32)> {
    let mut out = Vec::with_capacity(items.len());
    // The index of the latest item at each depth, and how many children each has.
    let mut open: Vec<usize> = Vec::new();
    let mut children = vec![0i32; items.len()];
    let mut top_level = 0;
    for (index, item) in items.iter().enumerate() {
        open.truncate(item.depth);
        let parent = open.last().copied();
        let position = match parent {
            Some(parent) => {
                children[parent] += 1;
                children[parent] - 1
            }
            None => {
                top_level += 1;
                top_level - 1
            }
        };
        out.push((parent, position));
        open.push(index);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(items: &[SeedItem]) -> Vec<(usize, &str)> {
        items.iter().map(|i| (i.depth, i.title.as_str())).collect()
    }

    #[test]
    fn templates_nest_by_indentation() {
        let items = parse_template("Updates\n  Sub-groups\n\tField hubs\n      Too deep\n\nWorkplan\n   AOB?\n");
        assert_eq!(
            outline(&items),
            vec![
                (0, "Updates"),
                (1, "Sub-groups"),
                (1, "Field hubs"),
                (2, "Too deep"),
                (0, "Workplan"),
                (1, "AOB?")
            ]
        );
        // A first line cannot be nested under nothing.
        assert_eq!(outline(&parse_template("    Updates")), vec![(0, "Updates")]);
        assert!(parse_template(" \n\n").is_empty());
    }

    #[test]
    fn the_review_comes_first() {
        let added = review_first(parse_template("Updates\n  Sub-groups"), "Review of action points");
        assert_eq!(
            outline(&added),
            vec![(0, "Review of action points"), (0, "Updates"), (1, "Sub-groups")]
        );
        let moved = review_first(
            parse_template("Welcome\nReview action points\n  By topic\nAOB"),
            "Review of action points",
        );
        assert_eq!(
            outline(&moved),
            vec![(0, "Review action points"), (1, "By topic"), (0, "Welcome"), (0, "AOB")]
        );
        assert_eq!(outline(&review_first(Vec::new(), "Review")), vec![(0, "Review")]);
        assert!(!is_review("Updates on the review of the workplan"));
    }

    #[test]
    fn placements_give_parents_and_sibling_positions() {
        let items = parse_template("A\n  A1\n  A2\n    A2a\nB\n  B1");
        assert_eq!(
            placements(&items),
            vec![
                (None, 0),
                (Some(0), 0),
                (Some(0), 1),
                (Some(2), 0),
                (None, 1),
                (Some(4), 0)
            ]
        );
    }
}
