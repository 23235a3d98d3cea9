package sabaq.media.cc;

/** What the overuse detector concludes about the path (GCC §5.4). */
public enum BandwidthUsage { NORMAL, OVERUSING, UNDERUSING }
