// Dense LU with partial pivoting, written by hand: no LAPACK is available as a Swift package on
// Linux, and the systems here are small (tens of species), where a plain triple loop over a
// contiguous row-major matrix is as fast as a call into a library would be.

/// Factors the row-major n×n matrix `a` in place into L·U with row pivoting (PA = LU, unit lower L).
/// - Returns: `false` when a pivot is exactly zero (singular matrix); `a` is then unusable.
@inlinable
func luFactor(_ a: UnsafeMutablePointer<Double>, pivots: UnsafeMutablePointer<Int>, n: Int) -> Bool {
    for k in 0..<n {
        var p = k
        var largest = abs(a[k * n + k])
        for i in (k + 1)..<n where abs(a[i * n + k]) > largest {
            largest = abs(a[i * n + k])
            p = i
        }
        guard largest > 0, largest.isFinite else { return false }
        pivots[k] = p
        if p != k {
            for j in 0..<n { swap(&a[k * n + j], &a[p * n + j]) }
        }
        let inversePivot = 1 / a[k * n + k]
        for i in (k + 1)..<n {
            let l = a[i * n + k] * inversePivot
            a[i * n + k] = l
            if l != 0 {
                for j in (k + 1)..<n { a[i * n + j] -= l * a[k * n + j] }
            }
        }
    }
    return true
}

/// Solves A·x = b in place (`b` becomes x) with the factors from ``luFactor(_:pivots:n:)``.
@inlinable
func luSolve(_ lu: UnsafeMutablePointer<Double>, pivots: UnsafeMutablePointer<Int>, n: Int,
             _ b: UnsafeMutablePointer<Double>) {
    for k in 0..<n where pivots[k] != k { swap(&b[k], &b[pivots[k]]) }
    for i in 0..<n {
        var s = b[i]
        for j in 0..<i { s -= lu[i * n + j] * b[j] }
        b[i] = s
    }
    for i in stride(from: n - 1, through: 0, by: -1) {
        var s = b[i]
        for j in (i + 1)..<n { s -= lu[i * n + j] * b[j] }
        b[i] = s / lu[i * n + i]
    }
}
