import Integrators

/// A ``ReactionNetwork`` turned, once, into an ``ODESystem``: dx/dt = S·v(x, p, t).
///
/// Compilation validates the network (see ``NetworkError``), resolves every name to an index and
/// stores the stoichiometry S as flat compressed tables, so ``rhs(t:y:dydt:)`` and
/// ``jacobian(t:y:into:)`` do no lookups and no heap allocation (scratch space comes from
/// `withUnsafeTemporaryAllocation`, which uses the stack for the sizes of QSP models: the Swift
/// runtime falls back to the heap only when the stack cannot hold `reactions × 16` bytes).
///
/// The Jacobian is exact (forward-mode ``Dual`` numbers), not differenced. Its structural sparsity
/// — which rate laws read which species — is recorded once from the ``Symbolic`` evaluation of the
/// rate laws; species that no two common rate laws share are seeded together (greedy column
/// colouring, Curtis–Powell–Reid), so the cost is ``jacobianPasses`` rate evaluations rather than
/// one per species.
///
/// For the fast path to be specialised, the network's `rates` must be visible to the optimiser
/// where `CompiledNetwork<N>` is used (same module, or `@inlinable`).
public struct CompiledNetwork<N: ReactionNetwork>: ODESystem, Sendable {
    /// The network as declared.
    public let network: N
    /// Number of species (state variables).
    public let dimension: Int
    /// Number of reactions (fluxes).
    public let reactionCount: Int
    /// Number of observables (derived quantities); cached because a network builds its
    /// declarations on demand.
    public let observableCount: Int

    /// Parameter values in declaration order, in each parameter's units. Mutable so a virtual
    /// patient can change parameters without recompiling; the count must stay the number of
    /// declared parameters (checked, because rate laws index it without bounds checks).
    public var parameterValues: ContiguousArray<Double> {
        didSet {
            precondition(parameterValues.count == parameterCount,
                         "parameterValues must keep one value per declared parameter")
        }
    }

    /// Number of declared parameters (the length ``parameterValues`` must keep).
    public let parameterCount: Int

    /// Default initial state: each species' declared initial amount, in its units.
    public let initialState: ContiguousArray<Double>

    // Stoichiometry by species row (for S·v): row i spans rowStart[i]..<rowStart[i+1].
    @usableFromInline let rowStart: ContiguousArray<Int>
    @usableFromInline let rowReaction: ContiguousArray<Int>
    @usableFromInline let rowCoefficient: ContiguousArray<Double>
    // Stoichiometry by reaction column (for Jacobian columns): reaction r spans reactionStart[r]..<reactionStart[r+1].
    @usableFromInline let reactionStart: ContiguousArray<Int>
    @usableFromInline let reactionSpecies: ContiguousArray<Int>
    @usableFromInline let reactionCoefficient: ContiguousArray<Double>
    // Column colouring: colour c seeds species colourStart[c]..<colourStart[c+1] of colourSpecies;
    // colourColumn[c * reactionCount + r] is the seeded species flux r depends on, or -1.
    @usableFromInline let colourStart: ContiguousArray<Int>
    @usableFromInline let colourSpecies: ContiguousArray<Int>
    @usableFromInline let colourColumn: ContiguousArray<Int>

    @usableFromInline let speciesIndexByID: [String: Int]
    @usableFromInline let parameterIndexByID: [String: Int]

    /// Validates and compiles a network.
    /// - Parameters:
    ///   - network: the declarations and rate laws.
    ///   - parameterValues: values overriding the declared defaults, one per parameter in order
    ///     (each in that parameter's units); `nil` uses the declared values.
    /// - Throws: ``NetworkError`` naming the first offending identifier.
    public init(_ network: N, parameterValues: [Double]? = nil) throws(NetworkError) {
        try NetworkValidation.validate(network)
        let values = parameterValues ?? network.parameters.map(\.value)
        try NetworkValidation.validate(parameterValues: values, of: network.parameters)

        self.network = network
        dimension = network.species.count
        reactionCount = network.reactions.count
        observableCount = network.observables.count
        parameterCount = values.count
        self.parameterValues = ContiguousArray(values)
        initialState = ContiguousArray(network.species.map(\.initialAmount))

        var speciesIndex: [String: Int] = [:]
        for (i, s) in network.species.enumerated() { speciesIndex[s.id] = i }
        var parameterIndex: [String: Int] = [:]
        for (i, p) in network.parameters.enumerated() { parameterIndex[p.id] = i }
        speciesIndexByID = speciesIndex
        parameterIndexByID = parameterIndex

        let columns = network.reactions.map { NetworkValidation.netStoichiometry($0, speciesIndex: speciesIndex) }
        (reactionStart, reactionSpecies, reactionCoefficient) = Self.flatten(columns.map { $0.map { ($0.species, $0.coefficient) } })
        var rows = [[(Int, Double)]](repeating: [], count: dimension)
        for (r, column) in columns.enumerated() {
            for term in column { rows[term.species].append((r, term.coefficient)) }
        }
        (rowStart, rowReaction, rowCoefficient) = Self.flatten(rows)

        let dependencies = network.symbolicRates().map { $0.leaves.species }
        (colourStart, colourSpecies, colourColumn) = Self.colourColumns(dependencies: dependencies, dimension: dimension)
    }

    private static func flatten(_ lists: [[(Int, Double)]]) -> (ContiguousArray<Int>, ContiguousArray<Int>, ContiguousArray<Double>) {
        var start = ContiguousArray<Int>([0])
        var index = ContiguousArray<Int>(), value = ContiguousArray<Double>()
        for list in lists {
            for (i, v) in list { index.append(i); value.append(v) }
            start.append(index.count)
        }
        return (start, index, value)
    }

    /// Greedy colouring of species so that no rate law depends on two species of one colour;
    /// species no rate law reads get no colour (their Jacobian column is zero).
    private static func colourColumns(dependencies: [Set<Int>], dimension: Int)
        -> (ContiguousArray<Int>, ContiguousArray<Int>, ContiguousArray<Int>) {
        let reactionCount = dependencies.count
        var readers = [[Int]](repeating: [], count: dimension)
        for (r, deps) in dependencies.enumerated() {
            for j in deps.sorted() where j < dimension { readers[j].append(r) }
        }
        var groups: [[Int]] = []
        var columnOf: [[Int]] = []  // per colour, per reaction: the species seeded, or -1
        for j in 0..<dimension where !readers[j].isEmpty {
            var colour = groups.count
            if let free = groups.indices.first(where: { c in readers[j].allSatisfy { columnOf[c][$0] < 0 } }) {
                colour = free
            } else {
                groups.append([])
                columnOf.append([Int](repeating: -1, count: reactionCount))
            }
            groups[colour].append(j)
            for r in readers[j] { columnOf[colour][r] = j }
        }
        var start = ContiguousArray<Int>([0]), members = ContiguousArray<Int>()
        for g in groups { members.append(contentsOf: g); start.append(members.count) }
        return (start, members, ContiguousArray(columnOf.joined()))
    }

    /// Number of rate-law evaluations one ``jacobian(t:y:into:)`` call costs (colours of the
    /// structural sparsity pattern; at most ``dimension``).
    @inlinable
    public var jacobianPasses: Int { colourStart.count - 1 }

    /// Index of a species in the state vector, or `nil` when no species has that id.
    public func speciesIndex(_ id: String) -> Int? { speciesIndexByID[id] }

    /// Index of a parameter in ``parameterValues``, or `nil` when no parameter has that id.
    public func parameterIndex(_ id: String) -> Int? { parameterIndexByID[id] }

    /// Writes dx/dt = S·v(x, p, t) (species units per day) into `dydt`. No heap allocation for
    /// networks whose flux vector fits on the stack.
    @inlinable
    public func rhs(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: reactionCount) { v in
            v.initialize(repeating: 0)
            parameterValues.withUnsafeBufferPointer { p in
                network.rates(x: y, p: p, time: t, into: v)
            }
            multiplyStoichiometry(v: UnsafeBufferPointer(v), into: dydt)
        }
    }

    /// dydt = S·v using the row table.
    @inlinable
    func multiplyStoichiometry(v: UnsafeBufferPointer<Double>, into dydt: UnsafeMutableBufferPointer<Double>) {
        rowStart.withUnsafeBufferPointer { start in
            rowReaction.withUnsafeBufferPointer { reaction in
                rowCoefficient.withUnsafeBufferPointer { coefficient in
                    for i in 0..<dimension {
                        var sum = 0.0
                        for k in start[i]..<start[i + 1] { sum += coefficient[k] * v[reaction[k]] }
                        dydt[i] = sum
                    }
                }
            }
        }
    }

    /// Writes the exact Jacobian J = S·∂v/∂x at (t, y), row-major (`jac[i * n + j] = ∂f_i/∂y_j`,
    /// units of species i per day per unit of species j) and returns `true`.
    ///
    /// Exact to rounding: each entry is a sum of products of automatically differentiated partials,
    /// so its error is a few ulps of the largest term, not a truncation error.
    @inlinable
    public func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into jac: UnsafeMutableBufferPointer<Double>) -> Bool {
        let n = dimension, m = reactionCount
        jac.update(repeating: 0)
        withUnsafeTemporaryAllocation(of: Dual.self, capacity: n) { x in
            for i in 0..<n { x.initializeElement(at: i, to: Dual(y[i])) }
            withUnsafeTemporaryAllocation(of: Dual.self, capacity: parameterCount) { p in
                for k in 0..<parameterCount { p.initializeElement(at: k, to: Dual(parameterValues[k])) }
                withUnsafeTemporaryAllocation(of: Dual.self, capacity: m) { v in
                    v.initialize(repeating: Dual(0))
                    for colour in 0..<jacobianPasses {
                        let seeds = colourStart[colour]..<colourStart[colour + 1]
                        for s in seeds { x[colourSpecies[s]].derivative = 1 }
                        network.rates(x: UnsafeBufferPointer(x), p: UnsafeBufferPointer(p), time: Dual(t), into: v)
                        for s in seeds { x[colourSpecies[s]].derivative = 0 }
                        scatterColumns(colour: colour, v: UnsafeBufferPointer(v), into: jac)
                    }
                }
            }
        }
        return true
    }

    /// Adds S[:, r]·∂v_r/∂x_j to column j of the Jacobian for every flux r read by the species j
    /// seeded in this colour.
    @inlinable
    func scatterColumns(colour: Int, v: UnsafeBufferPointer<Dual>, into jac: UnsafeMutableBufferPointer<Double>) {
        let n = dimension, m = reactionCount
        for r in 0..<m {
            let j = colourColumn[colour * m + r]
            let derivative = v[r].derivative
            if j < 0 || derivative == 0 { continue }
            for k in reactionStart[r]..<reactionStart[r + 1] {
                jac[reactionSpecies[k] * n + j] += reactionCoefficient[k] * derivative
            }
        }
    }

    /// Every reaction flux at (t, y), in reaction order (species units per day). Allocates the result.
    public func fluxes<C: Collection>(t: Double, y: C) -> [Double] where C.Element == Double {
        let state = ContiguousArray(y)
        precondition(state.count == dimension, "state must have one amount per species")
        var v = [Double](repeating: 0, count: reactionCount)
        state.withUnsafeBufferPointer { x in
            parameterValues.withUnsafeBufferPointer { p in
                v.withUnsafeMutableBufferPointer { network.rates(x: x, p: p, time: t, into: $0) }
            }
        }
        return v
    }

    /// dx/dt at (t, y) as a new array (species units per day); convenience over ``rhs(t:y:dydt:)``.
    public func derivatives<C: Collection>(t: Double, y: C) -> [Double] where C.Element == Double {
        let state = ContiguousArray(y)
        precondition(state.count == dimension, "state must have one amount per species")
        var dydt = [Double](repeating: 0, count: dimension)
        state.withUnsafeBufferPointer { x in dydt.withUnsafeMutableBufferPointer { rhs(t: t, y: x, dydt: $0) } }
        return dydt
    }

    /// Every observable at (t, y), in observable order, in each observable's units. Allocates the result.
    public func observe<C: Collection>(t: Double, y: C) -> [Double] where C.Element == Double {
        let state = ContiguousArray(y)
        precondition(state.count == dimension, "state must have one amount per species")
        var o = [Double](repeating: 0, count: observableCount)
        state.withUnsafeBufferPointer { x in
            o.withUnsafeMutableBufferPointer { observe(t: t, y: x, into: $0) }
        }
        return o
    }

    /// Writes every observable at (t, y) into `o` (``observableCount`` values) without allocating.
    @inlinable
    public func observe(t: Double, y: UnsafeBufferPointer<Double>, into o: UnsafeMutableBufferPointer<Double>) {
        precondition(y.count >= dimension && o.count >= observableCount, "state or output buffer too short")
        parameterValues.withUnsafeBufferPointer { p in
            network.observe(x: y, p: p, time: t, into: o)
        }
    }
}
