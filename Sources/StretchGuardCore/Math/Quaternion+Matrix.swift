import RealModule

extension Quaternion where Scalar == Double {
    /// The unit quaternion of a proper rotation matrix (rows `r0, r1, r2`; `M v` rotates `v`).
    ///
    /// Uses the numerically stable branch on the largest of `w, x, y, z` (Shepperd's method).
    public init(rotationMatrix m: Matrix3) {
        let (m00, m11, m22) = (m.r0.x, m.r1.y, m.r2.z)
        let trace = m00 + m11 + m22
        if trace > 0 {
            let s = (trace + 1).squareRoot() * 2
            self.init(w: s / 4, x: (m.r2.y - m.r1.z) / s, y: (m.r0.z - m.r2.x) / s, z: (m.r1.x - m.r0.y) / s)
        } else if m00 > m11 && m00 > m22 {
            let s = (1 + m00 - m11 - m22).squareRoot() * 2
            self.init(w: (m.r2.y - m.r1.z) / s, x: s / 4, y: (m.r0.y + m.r1.x) / s, z: (m.r0.z + m.r2.x) / s)
        } else if m11 > m22 {
            let s = (1 + m11 - m00 - m22).squareRoot() * 2
            self.init(w: (m.r0.z - m.r2.x) / s, x: (m.r0.y + m.r1.x) / s, y: s / 4, z: (m.r1.z + m.r2.y) / s)
        } else {
            let s = (1 + m22 - m00 - m11).squareRoot() * 2
            self.init(w: (m.r1.x - m.r0.y) / s, x: (m.r0.z + m.r2.x) / s, y: (m.r1.z + m.r2.y) / s, z: s / 4)
        }
        self = normalized.canonical
    }
}
