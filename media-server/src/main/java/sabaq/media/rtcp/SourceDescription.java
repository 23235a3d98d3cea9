package sabaq.media.rtcp;

import java.util.List;

/** RTCP source description (RFC 3550 section 6.5, PT 202). */
public record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {

    public SourceDescription {
        chunks = List.copyOf(chunks);
    }
}
