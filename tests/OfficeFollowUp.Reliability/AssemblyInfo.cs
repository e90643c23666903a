// The drills start real worker processes and time nothing, but a 2-core machine shared with builds gives each
// drill the whole box: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
