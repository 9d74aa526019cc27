//! The segment hash, shared by the reader ([`super`]) and `build.rs`, which places every
//! segment of the lexicons in a table of [`SLOTS`] slots by it (std only, like `spec.rs`).

/// Slots of the segment table: a power of two, about one and a half times the segments (a
/// larger table probes less for the note's segments that no phrase has, but costs about
/// 2.7 KB gzipped per doubling).
pub(crate) const SLOT_BITS: u32 = 12;
pub(crate) const SLOTS: usize = 1 << SLOT_BITS;

/// The first slot to probe for segment `s` (FNV-1a, then a multiply to spread the high bits).
pub(crate) fn slot_of(s: &[u8]) -> usize {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &b in s {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SLOT_BITS)) as usize
}
