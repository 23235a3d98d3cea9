package sabaq.media.rtcp;

import java.util.List;

/** RTCP receiver report (RFC 3550 section 6.4.2, PT 201). */
public record ReceiverReport(long senderSsrc, List<ReportBlock> reportBlocks) implements RtcpPacket {

    public ReceiverReport {
        reportBlocks = List.copyOf(reportBlocks);
    }
}
