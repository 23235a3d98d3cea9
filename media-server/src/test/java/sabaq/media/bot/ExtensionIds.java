package sabaq.media.bot;

import sabaq.media.sdp.HeaderExtensionUris;

/**
 * The header extension ids (RFC 8285 one-byte form) a bot may put on one m-line's packets: only those the SFU
 * answered, so the bot behaves like a browser that honours the answer. -1 means "do not send".
 */
record ExtensionIds(int audioLevel, int absSendTime, int transportCc, int mid, int rid, int repairedRid) {

    static ExtensionIds of(BotAnswer.Section s) {
        return new ExtensionIds(
                s.extensionId(HeaderExtensionUris.AUDIO_LEVEL),
                s.extensionId(HeaderExtensionUris.ABS_SEND_TIME),
                s.extensionId(HeaderExtensionUris.TRANSPORT_CC),
                s.extensionId(HeaderExtensionUris.MID),
                s.extensionId(HeaderExtensionUris.RTP_STREAM_ID),
                s.extensionId(HeaderExtensionUris.REPAIRED_RTP_STREAM_ID));
    }
}
