// Each spec runs a cluster of its own on this small machine's few cores: one at a time, or heartbeats starve.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
