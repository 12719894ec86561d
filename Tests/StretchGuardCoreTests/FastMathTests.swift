import Testing
@testable import StretchGuardCore

@Suite struct FastArcTangentTests {
    @Test func matchesLibraryAtan2EverywhereOnTheCircleAndRadii() {
        var worst = 0.0
        for i in 0..<3600 {
            let a = Double(i) / 3600 * 2 * .pi - .pi
            for r in [1e-9, 0.3, 1.0, 250.0] {
                let (y, x) = (r * Double.sin(a), r * Double.cos(a))
                worst = max(worst, abs(FastArcTangent.atan2(y: y, x: x) - Double.atan2(y: y, x: x)))
            }
        }
        #expect(worst < 1e-8)
        #expect(FastArcTangent.atan2(y: 0, x: 0) == 0)
        #expect(abs(FastArcTangent.atan2(y: 0, x: -1) - .pi) < 1e-15)
    }

    @Test func bothLanesAreIndependent() {
        // Every pair of octants in one call: a select must never take the other lane's branch.
        let angles: [Double] = (0..<16).map { (k: Int) -> Double in
            let fraction = Double(k) / 16
            return fraction * 2 * Double.pi - Double.pi + 0.1
        }
        for a in angles {
            for b in angles {
                let y = SIMD2(Double.sin(a), 3 * Double.sin(b)), x = SIMD2(Double.cos(a), 3 * Double.cos(b))
                let result = FastArcTangent.atan2(y: y, x: x)
                #expect(abs(result[0] - Double.atan2(y: y[0], x: x[0])) < 1e-8)
                #expect(abs(result[1] - Double.atan2(y: y[1], x: x[1])) < 1e-8)
            }
        }
    }

    @Test func asinMatchesLibraryOnBothSidesOfItsSeriesLimit() {
        for i in 0...2000 {
            let s = Double(i) / 1000 - 1
            #expect(abs(FastArcTangent.asin(s) - Double.asin(s)) < 1e-8)
        }
        #expect(abs(FastArcTangent.asin(0.5) - Double.pi / 6) < 1e-8)
        #expect(abs(FastArcTangent.asin(0.5000001) - Double.asin(0.5000001)) < 1e-8)
    }
}

@Suite struct InverseSquareRootTests {
    @Test(arguments: [1e-6, 0.04, 1.0, 96.2, 1e5])
    func seriesFromANearGuessIsExactToRounding(x: Double) {
        let exact = 1 / x.squareRoot()
        for relative in [-4e-5, -1e-7, 0, 1e-7, 4e-5] {
            let result = InverseSquareRoot.of(x, near: exact * (1 + relative))
            #expect(abs(result / exact - 1) < 1e-12)
        }
    }

    @Test func farOrMissingGuessFallsBackToTheExactValue() {
        #expect(InverseSquareRoot.of(4, near: 0) == 0.5)
        #expect(InverseSquareRoot.of(4, near: 0.6) == 0.5)
        #expect(InverseSquareRoot.of(96.2, near: 1) == 1 / 96.2.squareRoot())
    }
}

@Suite struct Matrix3InverseTests {
    @Test func symmetricInverseTimesTheMatrixIsIdentity() {
        let a = Matrix3(simdRows: SIMD4(2, 0.3, -0.1, 0), SIMD4(0.4, 1, 0.2, 0), SIMD4(-0.3, 0.1, 3, 0))
        let s = a * a.transposed + Matrix3(diagonal: 0.5)
        for m in [s * s.symmetricInverse, s.symmetricInverse * s, s.inverse * s] {
            let identity = Matrix3(diagonal: 1)
            for (row, expected) in zip([m.r0, m.r1, m.r2], [identity.r0, identity.r1, identity.r2]) {
                #expect(((row - expected) * (row - expected)).sum() < 1e-26)
            }
        }
    }

    @Test func scalingAQuaternionScalesEveryComponent() {
        let q = QuaternionD(w: 0.5, x: -0.5, y: 0.5, z: 0.5) * 2
        #expect(q == QuaternionD(w: 1, x: -1, y: 1, z: 1))
    }
}
