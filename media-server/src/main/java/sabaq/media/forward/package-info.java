/** Per-subscriber stream rewriting, send history and publisher packet caches: the pieces of RTP forwarding. */
package sabaq.media.forward;
