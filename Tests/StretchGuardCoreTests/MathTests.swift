import Testing
@testable import StretchGuardCore

/// Angle between two rotations, in rad.
func angleBetween(_ a: QuaternionD, _ b: QuaternionD) -> Double { (a.conjugate * b).angle }

func isClose(_ a: Vector3D, _ b: Vector3D, _ tolerance: Double = 1e-12) -> Bool { (a - b).length <= tolerance }

@Suite struct VectorTests {
    @Test func crossProductIsRightHandedAndOrthogonal() {
        #expect(Vector3D.unitX.cross(.unitY) == .unitZ)
        #expect(Vector3D.unitY.cross(.unitZ) == .unitX)
        let a = Vector3D(1.5, -2, 0.25), b = Vector3D(-0.5, 4, 3)
        let c = a.cross(b)
        #expect(abs(c.dot(a)) < 1e-12 && abs(c.dot(b)) < 1e-12)
        #expect(isClose(c, -b.cross(a)))
    }

    @Test func normalizedHasUnitLengthAndZeroStaysZero() {
        #expect(abs(Vector3D(3, 4, 12).normalized.length - 1) < 1e-15)
        #expect(Vector3D.zero.normalized == .zero)
    }
}

@Suite struct QuaternionTests {
    @Test func rotatesAboutZByRightHandRule() {
        let q = QuaternionD(axis: .unitZ, angle: .pi / 2)
        #expect(isClose(q.rotate(.unitX), .unitY))
        #expect(isClose(q.rotate(.unitY), -.unitX))
    }

    @Test func productAppliesRightFactorFirst() {
        let a = QuaternionD(axis: .unitZ, angle: 0.7), b = QuaternionD(axis: .unitX, angle: -1.1)
        let v = Vector3D(0.3, -0.2, 0.9)
        #expect(isClose((a * b).rotate(v), a.rotate(b.rotate(v))))
    }

    @Test func conjugateInverts() {
        let q = QuaternionD(axis: Vector3D(1, -2, 0.5), angle: 2.3)
        #expect(angleBetween(q * q.conjugate, .identity) < 1e-12)
        #expect(isClose(q.conjugate.rotate(q.rotate(Vector3D(1, 2, 3))), Vector3D(1, 2, 3)))
    }

    @Test(arguments: [1e-6, 0.01, 0.19, 0.21, 1.0, 3.0])
    func rotationVectorMatchesAxisAngle(angle: Double) {
        let axis = Vector3D(0.2, -0.9, 0.4).normalized
        let q = QuaternionD(rotationVector: axis * angle)
        #expect(angleBetween(q, QuaternionD(axis: axis, angle: angle)) < 1e-12)
        #expect(abs(q.squaredNorm - 1) < 1e-14)
    }

    @Test func matrixAgreesWithQuaternionAndRoundTrips() {
        let q = QuaternionD(axis: Vector3D(-1, 0.3, 2), angle: 2.9).canonical
        let m = Matrix3(q)
        let v = Vector3D(0.4, -1.2, 0.7)
        #expect(isClose(m * v, q.rotate(v), 1e-12))
        #expect(angleBetween(QuaternionD(rotationMatrix: m), q) < 1e-12)
        #expect(abs(m.determinant - 1) < 1e-12)
        let product = m * m.inverse
        #expect(isClose(product.row(0), .unitX, 1e-12) && isClose(product.row(2), .unitZ, 1e-12))
    }

    @Test func shortestArcMapsFromOntoTo() {
        let pairs: [(Vector3D, Vector3D)] = [(.unitX, .unitZ), (Vector3D(1, 1, 0).normalized, Vector3D(0, -1, 0)),
                                             (.unitZ, -.unitZ), (.unitZ, .unitZ)]
        for (from, to) in pairs {
            #expect(isClose(QuaternionD(from: from, to: to).rotate(from), to, 1e-9))
        }
    }

    @Test func floatIntegratesLessAccuratelyThanDouble() {
        // One hour at 200 Hz of a 1 rad/s rotation; Double must be far more accurate than Float.
        func drift<S: IMUScalar>(_: S.Type) -> Double {
            let axis = Vector3D(1, 2, 3).normalized
            let step = (axis * (1.0 / 200)).converted(to: S.self)
            var q = Quaternion<S>.identity
            for _ in 0..<720_000 { q = (q * Quaternion<S>(rotationVector: step)).normalized }
            return angleBetween(q.converted(to: Double.self), QuaternionD(axis: axis, angle: 3600))
        }
        let floatError = drift(Float.self), doubleError = drift(Double.self)
        #expect(doubleError < 1e-9)
        #expect(floatError > 100 * doubleError)
    }
}
