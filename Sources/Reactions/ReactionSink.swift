/// Receives a network's reactions one by one, each declared together with its rate law (as
/// Catalyst binds a rate to its reaction), so the list of reactions and the list of fluxes can
/// never drift apart: both come from the same statement.
///
/// Two sinks exist: ``ReactionDeclarations`` records what each reaction is (its rate is never
/// evaluated) and ``RateWriter`` evaluates each rate into the flux vector (the declaration is never
/// built, so the hot path allocates nothing). Arguments are autoclosures for that reason.
public protocol ReactionSink {
    associatedtype Scalar: ModelScalar
    /// One reaction: identifier, description, stoichiometry `(species id, coefficient)` and its
    /// flux in species units per day.
    mutating func reaction(_ id: @autoclosure () -> String, _ description: @autoclosure () -> String,
                           _ stoichiometry: @autoclosure () -> [(String, Double)], rate: @autoclosure () -> Scalar)
}

/// Collects the declarations of the reactions (rates are not evaluated).
public struct ReactionDeclarations: ReactionSink {
    public typealias Scalar = Double
    public private(set) var reactions: [Reaction] = []
    public init() {}

    public mutating func reaction(_ id: @autoclosure () -> String, _ description: @autoclosure () -> String,
                                  _ stoichiometry: @autoclosure () -> [(String, Double)], rate: @autoclosure () -> Double) {
        reactions.append(Reaction(id: id(), description: description(),
                                  stoichiometry: stoichiometry().map { StoichiometryTerm($0.0, $0.1) }))
    }
}

/// Writes each reaction's flux, in declaration order, into a caller-provided buffer.
public struct RateWriter<T: ModelScalar>: ReactionSink {
    public typealias Scalar = T
    @usableFromInline let v: UnsafeMutableBufferPointer<T>
    @usableFromInline var next = 0

    @inlinable public init(_ v: UnsafeMutableBufferPointer<T>) { self.v = v }

    @inlinable @inline(__always)
    public mutating func reaction(_ id: @autoclosure () -> String, _ description: @autoclosure () -> String,
                                  _ stoichiometry: @autoclosure () -> [(String, Double)], rate: @autoclosure () -> T) {
        v[next] = rate()
        next += 1
    }
}

/// A ``ReactionNetwork`` whose reactions are declared with their rate laws in one place
/// (``emitReactions(x:p:time:into:)``); ``ReactionNetwork/reactions`` and
/// ``ReactionNetwork/rates(x:p:time:into:)`` both follow from it.
public protocol ReactionEmittingNetwork: ReactionNetwork {
    /// Declares every reaction with its rate law, in order. The declaration pass
    /// (``ReactionDeclarations``) evaluates only what the declarations read, at an all-zero
    /// state and parameter vector, so derived quantities computed there must tolerate zeros
    /// (a NaN is harmless: it is never used).
    func emitReactions<Sink: ReactionSink>(x: UnsafeBufferPointer<Sink.Scalar>, p: UnsafeBufferPointer<Sink.Scalar>,
                                           time: Sink.Scalar, into sink: inout Sink)
}

extension ReactionEmittingNetwork {
    public var reactions: [Reaction] {
        let x = [Double](repeating: 0, count: species.count), p = [Double](repeating: 0, count: parameters.count)
        var declarations = ReactionDeclarations()
        x.withUnsafeBufferPointer { x in
            p.withUnsafeBufferPointer { p in emitReactions(x: x, p: p, time: 0, into: &declarations) }
        }
        return declarations.reactions
    }

    @inlinable
    public func rates<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T,
                                      into v: UnsafeMutableBufferPointer<T>) {
        var writer = RateWriter(v)
        emitReactions(x: x, p: p, time: time, into: &writer)
    }
}
