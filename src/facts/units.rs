//! The units engine: minutes → supported units, under Medicare's total-time method and the
//! Rule of Eights.
//!
//! **Medicare (`cms8`)**, CMS Pub. 100-04, ch. 5, §20.2: the total minutes of all 15-minute
//! timed codes decide the total units for the visit ([`units_for_minutes`]: 8–22 → 1,
//! 23–37 → 2, …). Each code first gets its full 15-minute units; the units the total still
//! allows go, one each, to the codes with the most minutes left over (largest remainder).
//! Codes each done 7 minutes or less fall out of the same arithmetic: together they earn a
//! unit once the total reaches 8, and it goes to the one done longest. Equal leftovers are
//! the therapist's choice: every choice is accepted, and `unitsSupported` follows the billed
//! choice where it is one of them.
//!
//! **Rule of Eights (`ruleOf8s`)**, AMA CPT mid-point rule: each code on its own, with the
//! same table; minutes are never pooled across codes.
//!
//! Untimed (service-based) codes are one unit per day and their minutes never count toward
//! the timed total. SLP and testing codes timed in longer blocks earn a unit past the
//! block's mid-point ([ASHA-T]).

use crate::note::{Line, Note, UnitRule};
use crate::policy::codes::{self, CodeInfo, Counting};

/// Units for `minutes` of 15-minute timed service: `floor((m + 7) / 15)`, so 8–22 → 1,
/// 23–37 → 2, and so on with no upper limit; 0–7 → 0.
pub fn units_for_minutes(minutes: u32) -> u32 {
    (minutes + 7) / 15
}

/// Units for a code timed in `block`-minute blocks: a block counts once more than half of
/// it was furnished face to face.
pub fn block_units(minutes: u32, block: u32) -> u32 {
    if block == 0 {
        return 0;
    }
    minutes / block + u32::from(minutes % block > block / 2)
}

/// What the engine concluded for one billed line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineUnits {
    pub code: String,
    /// A 15-minute or block-timed code (false for untimed and unknown codes).
    pub timed: bool,
    pub minutes: Option<u32>,
    pub units_billed: u32,
    /// The units the minutes support; `null` when they cannot be told apart per line (only
    /// the visit's total timed minutes are documented) or the code is unknown.
    pub units_supported: Option<u32>,
    /// Another line's code had equal leftover minutes, so the extra unit could go to either.
    pub tie: bool,
}

/// The engine's result for a visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitsOutcome {
    pub unit_rule: UnitRule,
    /// Sum of the 15-minute timed lines' minutes, or the documented total when no line has
    /// minutes.
    pub total_timed_minutes: u32,
    /// Timed units the minutes allow for the visit (15-minute codes).
    pub timed_units_allowed: u32,
    /// Timed units billed on 15-minute codes.
    pub timed_units_billed: u32,
    pub lines: Vec<LineUnits>,
    /// Only the documented total is known (no billed 15-minute line carries minutes).
    pub total_only: bool,
    /// Units a first-block code (97129, 92605, 92607) cannot take, because it covers the
    /// first 15 minutes or the first hour only, when its add-on (97130, 92618, 92608) is not
    /// billed: `(line index, add-on code, units)`.
    pub add_on_unbilled: Vec<(usize, &'static str, u32)>,
}

struct Group {
    /// Index of the first line of the group, for tie-breaking by order.
    first_line: usize,
    minutes: u32,
    billed: u32,
    line_idx: Vec<usize>,
}

/// Runs the engine over a note's lines.
pub fn compute(note: &Note, rule: UnitRule) -> UnitsOutcome {
    let infos: Vec<Option<&'static CodeInfo>> =
        note.lines.iter().map(|l| codes::lookup(&l.code)).collect();
    let mut lines: Vec<LineUnits> = note
        .lines
        .iter()
        .zip(&infos)
        .map(|(l, info)| LineUnits {
            code: l.code.clone(),
            timed: info.is_some_and(|i| i.counting != Counting::Untimed),
            minutes: l.minutes,
            units_billed: l.units,
            units_supported: match info {
                Some(i) if i.counting == Counting::Untimed => {
                    Some(if l.units == 0 { 0 } else { 1 })
                }
                _ => None,
            },
            tie: false,
        })
        .collect();

    // 15-minute codes, grouped by code family (duplicates of a code pool their minutes).
    let mut groups: Vec<(&'static str, Group)> = Vec::new();
    for (i, (line, info)) in note.lines.iter().zip(&infos).enumerate() {
        let Some(info) = info else { continue };
        if info.counting != Counting::Timed15 {
            continue;
        }
        let key = info.family_first.unwrap_or(info.code);
        let pos = match groups.iter().position(|(k, _)| *k == key) {
            Some(p) => p,
            None => {
                groups.push((
                    key,
                    Group {
                        first_line: i,
                        minutes: 0,
                        billed: 0,
                        line_idx: Vec::new(),
                    },
                ));
                groups.len() - 1
            }
        };
        if let Some((_, g)) = groups.get_mut(pos) {
            g.minutes += line.minutes.unwrap_or(0);
            g.billed += line.units;
            g.line_idx.push(i);
        }
    }

    // Minutes per line count when a billed line carries them; minutes written only on lines
    // billed at 0 units leave the billed lines to the documented total.
    let line_has = |pred: &dyn Fn(&Line) -> bool| {
        groups.iter().any(|(_, g)| {
            g.line_idx
                .iter()
                .any(|&i| note.lines.get(i).is_some_and(pred))
        })
    };
    let any_minutes = if line_has(&|l: &Line| l.units > 0) {
        line_has(&|l: &Line| l.units > 0 && l.minutes.is_some())
    } else {
        line_has(&|l: &Line| l.minutes.is_some())
    };
    let summed: u32 = groups.iter().map(|(_, g)| g.minutes).sum();
    let total_only = !groups.is_empty() && !any_minutes && note.total_timed_minutes.is_some();
    let total = if total_only {
        note.total_timed_minutes.unwrap_or(0)
    } else {
        summed
    };
    let timed_units_billed: u32 = groups.iter().map(|(_, g)| g.billed).sum();

    let mut supported: Vec<u32> = vec![0; groups.len()];
    let mut tied: Vec<bool> = vec![false; groups.len()];
    let timed_units_allowed = match rule {
        UnitRule::RuleOf8s => {
            for (s, (_, g)) in supported.iter_mut().zip(&groups) {
                *s = units_for_minutes(g.minutes);
            }
            if total_only {
                units_for_minutes(total)
            } else {
                supported.iter().sum()
            }
        }
        UnitRule::Cms8 => {
            let allowed = units_for_minutes(total);
            if !total_only {
                allocate_cms(&groups, allowed, &mut supported, &mut tied);
            }
            allowed
        }
    };

    let mut add_on_unbilled = Vec::new();
    if !total_only {
        for (gi, (key, g)) in groups.iter().enumerate() {
            let group_units = supported.get(gi).copied().unwrap_or(0);
            let left = distribute_in_group(key, g, group_units, &note.lines, &mut lines);
            if left > 0 {
                let add_on = codes::CODES
                    .iter()
                    .find(|c| c.add_on && c.family_first == Some(*key) && c.code != *key);
                if let (Some(a), Some(&li)) = (add_on, g.line_idx.first()) {
                    add_on_unbilled.push((li, a.code, left));
                }
            }
            if tied.get(gi).copied().unwrap_or(false) {
                for &li in &g.line_idx {
                    if let Some(l) = lines.get_mut(li) {
                        l.tie = true;
                    }
                }
            }
        }
    }

    block_codes(note, &infos, &mut lines, &mut add_on_unbilled);

    UnitsOutcome {
        unit_rule: rule,
        total_timed_minutes: total,
        timed_units_allowed,
        timed_units_billed,
        lines,
        total_only,
        add_on_unbilled,
    }
}

/// Largest-remainder allocation of `allowed` units among the groups (CMS §20.2).
fn allocate_cms(
    groups: &[(&'static str, Group)],
    allowed: u32,
    supported: &mut [u32],
    tied: &mut [bool],
) {
    for (s, (_, g)) in supported.iter_mut().zip(groups) {
        *s = g.minutes / 15;
    }
    let floors: u32 = supported.iter().sum();
    let mut extra = allowed.saturating_sub(floors);
    if extra == 0 {
        return;
    }
    // Candidates for an extra unit: remainder > 0, biggest first; among equal remainders the
    // therapist chooses, so prefer the groups whose billing already took the extra unit,
    // then the order of the lines.
    let mut order: Vec<usize> = (0..groups.len())
        .filter(|&i| groups.get(i).is_some_and(|(_, g)| g.minutes % 15 > 0))
        .collect();
    let rem = |i: usize| groups.get(i).map_or(0, |(_, g)| g.minutes % 15);
    let took_extra = |i: usize| {
        groups
            .get(i)
            .is_some_and(|(_, g)| g.billed > g.minutes / 15)
    };
    let first_line = |i: usize| groups.get(i).map_or(usize::MAX, |(_, g)| g.first_line);
    crate::sort::sort_by(&mut order, |&a, &b| {
        rem(b)
            .cmp(&rem(a))
            .then(took_extra(b).cmp(&took_extra(a)))
            .then(first_line(a).cmp(&first_line(b)))
    });
    let cutoff = order.get(extra as usize - 1).map(|&i| rem(i));
    let beyond = order.get(extra as usize).map(|&i| rem(i));
    for &gi in &order {
        if extra == 0 {
            break;
        }
        if let Some(s) = supported.get_mut(gi) {
            *s += 1;
        }
        extra -= 1;
    }
    // A tie exists when the last unit given and the first one refused had equal leftovers.
    if let (Some(c), Some(b)) = (cutoff, beyond) {
        if c == b {
            for &gi in &order {
                if rem(gi) == c {
                    if let Some(t) = tied.get_mut(gi) {
                        *t = true;
                    }
                }
            }
        }
    }
}

/// Splits a group's supported units among its lines: the family's first code (97129) takes
/// the first unit and never more (it covers the first 15 minutes only); otherwise lines take
/// what they billed, in order, and the remainder goes to the last add-on line of a family,
/// or to the first line of any other group. Returns the units no line of a family can take
/// (97129 billed without 97130).
fn distribute_in_group(
    key: &str,
    g: &Group,
    group_units: u32,
    src: &[Line],
    out: &mut [LineUnits],
) -> u32 {
    let mut left = group_units;
    let mut order = g.line_idx.clone();
    // First-code lines before add-on lines.
    crate::sort::sort_by_key(&mut order, |&i| {
        (src.get(i).map_or(true, |l| l.code != key), i)
    });
    let family = codes::lookup(key).is_some_and(|c| c.family_first.is_some());
    for (pos, &li) in order.iter().enumerate() {
        let Some(line) = src.get(li) else { continue };
        let take = if family && line.code == key {
            left.min(1)
        } else if pos + 1 == order.len() {
            left
        } else {
            left.min(line.units)
        };
        left -= take;
        if let Some(o) = out.get_mut(li) {
            o.units_supported = Some(take);
        }
    }
    if left > 0 {
        let target = if family {
            order
                .iter()
                .rev()
                .find(|&&li| src.get(li).is_some_and(|l| l.code != key))
        } else {
            order.first()
        };
        if let Some(o) = target.and_then(|&li| out.get_mut(li)) {
            o.units_supported = o.units_supported.map(|u| u + left);
            left = 0;
        }
    }
    left
}

/// Block-timed codes (SLP/testing): a first-block code paired with an add-on takes one unit
/// when the pooled minutes pass half the block; the add-on takes the further blocks.
fn block_codes(
    note: &Note,
    infos: &[Option<&'static CodeInfo>],
    out: &mut [LineUnits],
    add_on_unbilled: &mut Vec<(usize, &'static str, u32)>,
) {
    for (i, (line, info)) in note.lines.iter().zip(infos).enumerate() {
        let Some(info) = info else { continue };
        let Counting::Block {
            minutes: block,
            first,
        } = info.counting
        else {
            continue;
        };
        let supported = match first {
            // An add-on: minutes beyond its first-block code's hour.
            Some(first_code) => {
                let first_minutes: u32 = note
                    .lines
                    .iter()
                    .filter(|l| l.code == first_code)
                    .filter_map(|l| l.minutes)
                    .sum();
                let own = line.minutes.unwrap_or(0);
                let first_block = codes::lookup(first_code).map_or(60, |c| match c.counting {
                    Counting::Block { minutes, .. } => minutes,
                    _ => 60,
                });
                let beyond = (first_minutes + own).saturating_sub(first_block);
                line.minutes.map(|_| block_units(beyond, block))
            }
            None => {
                let add_on = codes::CODES.iter().find_map(|c| match c.counting {
                    Counting::Block {
                        minutes,
                        first: Some(f),
                    } if f == info.code => Some((c.code, minutes)),
                    _ => None,
                });
                // The first block's code takes one unit; the time past it is the add-on's.
                if let (Some((code, add_block)), Some(m)) = (add_on, line.minutes) {
                    let billed = note.lines.iter().any(|l| l.code == code && l.units > 0);
                    let more = block_units(m.saturating_sub(block), add_block);
                    if !billed && more > 0 && block_units(m, block) > 0 {
                        add_on_unbilled.push((i, code, more));
                    }
                }
                line.minutes.map(|m| {
                    let u = block_units(m, block);
                    if add_on.is_some() {
                        u.min(1)
                    } else {
                        u
                    }
                })
            }
        };
        if let Some(o) = out.get_mut(i) {
            o.units_supported = supported;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_table_matches_cms_table() {
        // shared/policy §1.1: 1–7 → 0, 8–22 → 1, 23–37 → 2, … 113–127 → 8, and onward.
        let table = [
            (0, 0),
            (1, 0),
            (7, 0),
            (8, 1),
            (22, 1),
            (23, 2),
            (37, 2),
            (38, 3),
            (52, 3),
            (53, 4),
            (67, 4),
            (68, 5),
            (82, 5),
            (83, 6),
            (97, 6),
            (98, 7),
            (112, 7),
            (113, 8),
            (127, 8),
            (128, 9),
            (142, 9),
            (143, 10),
        ];
        for (m, u) in table {
            assert_eq!(units_for_minutes(m), u, "{m} minutes");
        }
    }

    #[test]
    fn block_units_need_more_than_half() {
        assert_eq!(block_units(30, 60), 0);
        assert_eq!(block_units(31, 60), 1);
        assert_eq!(block_units(60, 60), 1);
        assert_eq!(block_units(91, 60), 2);
        assert_eq!(block_units(15, 30), 0);
        assert_eq!(block_units(16, 30), 1);
    }
}
