//! Decimal numbers read without the standard library's float parser.
//!
//! `str::parse::<f64>` (Eisel-Lemire, with a table of 128-bit powers of five, and a
//! big-decimal fallback) brings about 10 KB of table and 6 KB of code into the package
//! (docs/size.md). The reader parses only number tokens, `\d+(\.\d+)?`: [`parse_decimal`]
//! gives exactly what `str::parse::<f64>` gives for them (correctly rounded, ties to even:
//! Clinger's fast path for the usual short numbers, exact big-integer division for the rest).

use std::cmp::Ordering;

/// `s` as an `f64`, exactly as `s.parse::<f64>()` reads it, for `s` of the form
/// `digits` or `digits.digits`; `None` for anything else.
pub fn parse_decimal(s: &str) -> Option<f64> {
    // One pass for the shape and the usual case: at most 15 digits from the first non-zero
    // one, so the mantissa and the power of ten are exact and the division is the one
    // rounding (Clinger's fast path).
    let (mut m, mut sig, mut int, mut frac, mut dot) = (0u64, 0u32, 0u32, 0u32, false);
    for &c in s.as_bytes() {
        if c == b'.' {
            if dot || int == 0 {
                return None;
            }
            dot = true;
            continue;
        }
        if !c.is_ascii_digit() {
            return None;
        }
        if dot {
            frac += 1;
        } else {
            int += 1;
        }
        if sig > 0 || c != b'0' {
            sig += 1;
            if sig <= 15 {
                m = m * 10 + u64::from(c - b'0');
            }
        }
    }
    if int == 0 || (dot && frac == 0) {
        return None;
    }
    if sig <= 15 && frac <= 22 {
        return Some(m as f64 / (0..frac).fold(1.0f64, |p, _| p * 10.0));
    }
    parse_long(s)
}

/// [`parse_decimal`] for a well-formed `s` with more than 15 significant digits or more than
/// 22 after the point.
fn parse_long(s: &str) -> Option<f64> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f),
        None => (s, ""),
    };
    if int.is_empty()
        || (s.contains('.') && frac.is_empty())
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    // The significant digits, without leading or trailing zeros: value = digits × 10^exp.
    let all = int.bytes().chain(frac.bytes());
    let total = int.len() + frac.len();
    let lead = all.clone().take_while(|&b| b == b'0').count();
    if lead == total {
        return Some(0.0);
    }
    let trail = all.clone().rev().take_while(|&b| b == b'0').count();
    let digits: Vec<u8> = all.skip(lead).take(total - lead - trail).collect();
    let exp = trail as i64 - frac.len() as i64;
    let n = digits.len() as i64;
    // Clinger's fast path: both operands exact, so the one rounding is the division's or
    // the product's.
    if n <= 15 && (-22..=22).contains(&exp) {
        let m = digits
            .iter()
            .fold(0u64, |m, &d| m * 10 + u64::from(d - b'0')) as f64;
        let p = (0..exp.unsigned_abs()).fold(1.0f64, |p, _| p * 10.0);
        return Some(if exp < 0 { m / p } else { m * p });
    }
    // Out of range either way: below half the smallest subnormal (≈ 2.5e-324), above the
    // largest finite value (≈ 1.8e308).
    if n + exp < -330 {
        return Some(0.0);
    }
    if n + exp > 310 {
        return Some(f64::INFINITY);
    }
    let mut num = Big::from_digits(&digits);
    let mut den = Big(vec![1]);
    if exp >= 0 {
        num.mul_pow10(exp as u32);
    } else {
        den.mul_pow10(exp.unsigned_abs() as u32);
    }
    Some(divide(&num, &den))
}

/// `num / den` rounded to the nearest `f64`, ties to even.
fn divide(num: &Big, den: &Big) -> f64 {
    // The quotient scaled by 2^-e into [2^52, 2^53): 53 significant bits.
    let mut e = num.bits() as i64 - den.bits() as i64 - 53;
    let mut q = quotient(num, den, e);
    if q.0 >= 1 << 53 {
        e += 1;
        q = quotient(num, den, e);
    } else if q.0 < 1 << 52 {
        e -= 1;
        q = quotient(num, den, e);
    }
    if e < -1074 {
        // Subnormal: fewer significant bits.
        e = -1074;
        q = quotient(num, den, e);
    }
    let (mut m, half) = q;
    if half == Ordering::Greater || (half == Ordering::Equal && m & 1 == 1) {
        m += 1;
        if m == 1 << 53 {
            m = 1 << 52;
            e += 1;
        }
    }
    if e + 52 > 1023 {
        return f64::INFINITY;
    }
    if m < 1 << 52 {
        return f64::from_bits(m);
    }
    f64::from_bits(((e + 52 + 1023) as u64) << 52 | (m - (1 << 52)))
}

/// `⌊num / (den · 2^e)⌋` (below 2^56) and how twice the remainder compares with the divisor.
fn quotient(num: &Big, den: &Big, e: i64) -> (u64, Ordering) {
    let mut n = num.clone();
    let mut d = den.clone();
    if e >= 0 {
        d.shl(e as u32);
    } else {
        n.shl(e.unsigned_abs() as u32);
    }
    let mut q = 0u64;
    for bit in (0..56).rev() {
        let mut t = d.clone();
        t.shl(bit);
        if n.compare(&t) != Ordering::Less {
            n.sub(&t);
            q |= 1 << bit;
        }
    }
    n.shl(1);
    (q, n.compare(&d))
}

/// An unsigned big integer, 32-bit limbs, least significant first, no high zero limbs.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_digits(digits: &[u8]) -> Big {
        let mut b = Big(Vec::new());
        for &d in digits {
            b.mul_add(10, u32::from(d - b'0'));
        }
        b
    }

    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for l in &mut self.0 {
            let x = u64::from(*l) * u64::from(m) + carry;
            *l = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut p: u32) {
        while p > 0 {
            let k = p.min(9);
            self.mul_add(10u32.pow(k), 0);
            p -= k;
        }
    }

    fn bits(&self) -> u32 {
        match self.0.last() {
            Some(&top) => (self.0.len() as u32 - 1) * 32 + (32 - top.leading_zeros()),
            None => 0,
        }
    }

    fn shl(&mut self, bits: u32) {
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for l in &mut self.0 {
                let x = (*l << bits) | carry;
                carry = *l >> (32 - bits);
                *l = x;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if limbs > 0 && !self.0.is_empty() {
            self.0.splice(0..0, std::iter::repeat(0).take(limbs));
        }
    }

    fn compare(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// `self -= other`, `other <= self`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, l) in self.0.iter_mut().enumerate() {
            let x = i64::from(*l) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(x < 0);
            *l = (x + (borrow << 32)) as u32;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(s: &str) {
        let want: f64 = s.parse().unwrap();
        let got = parse_decimal(s).unwrap();
        assert_eq!(got.to_bits(), want.to_bits(), "{s}");
    }

    #[test]
    fn parses_as_the_standard_library_does() {
        for s in [
            "0",
            "00",
            "0.0",
            "1",
            "10",
            "3.5",
            "0.1",
            "0.3",
            "1.5",
            "97110",
            "2.50",
            "100.000",
            "9007199254740992",
            "9007199254740993",
            "9007199254740995",
            "123456789012345678",
            "0.000000000000000000000001",
            "1000000000000000000000000",
            "17976931348623157",
            "0.1234567890123456789",
            "4.9406564584124654",
            "2.2250738585072011",
        ] {
            check(s);
        }
        // Extremes: the largest finite value and past it, subnormals and below them.
        let max = format!("{:.0}", f64::MAX);
        check(&max);
        check(&format!("{max}0"));
        check(&format!("1{}", "0".repeat(308)));
        check(&format!("2{}", "0".repeat(308)));
        for (zeros, tail) in [
            (307, "22250738585072011"),
            (307, "22250738585072014"),
            (323, "49406564584124654"),
            (323, "24703282292062327"),
            (323, "24703282292062328"),
            (324, "1"),
            (330, "9"),
            (400, "1"),
        ] {
            check(&format!("0.{}{tail}", "0".repeat(zeros)));
        }
        // Halfway cases between neighbouring doubles, and random numbers of every length.
        check("9007199254740993.0000000000000000000000000001");
        check(&format!("9007199254740993{}", "0".repeat(30)));
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..200_000 {
            let len = (next() % 40 + 1) as usize;
            let mut s: String = (0..len)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            if next() % 2 == 0 {
                let at = (next() % len as u64) as usize + 1;
                if at < len {
                    s.insert(at, '.');
                }
            }
            check(&s);
        }
        for bad in ["", ".", "1.", ".5", "1.2.3", "1e5", "-1", "+1", "1 ", "١"] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }
}
