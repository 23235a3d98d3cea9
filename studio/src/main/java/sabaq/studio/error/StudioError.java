package sabaq.studio.error;

/**
 * Why a studio step, upload or request failed. Each code has a text in Kazakh, Russian and English: for the command
 * line in {@code studio-messages_{kk,ru,en}.properties}, for the web pages as {@code studio.error.<CODE>} in the
 * client's dictionaries (a test checks both sets). Texts use the {@code {name}} arguments listed here.
 */
public enum StudioError {
    /** A file the lesson refers to (intro, outro, PiP clip, subtitles, audio description, source) is not in storage. {asset} */
    ASSET_MISSING,
    /** A media file cannot be read at all (not media, or the container is broken). {asset} */
    MEDIA_UNREADABLE,
    /** A media file ends early or has damaged packets (an interrupted upload or copy). {asset} */
    MEDIA_TRUNCATED,
    /** A stream is in a codec the studio does not accept. {asset} {codec} */
    UNSUPPORTED_CODEC,
    /** A video source has no video stream. {asset} */
    NO_VIDEO,
    /** A cut starts or ends outside the video. {start} {end} {duration} */
    CUT_OUTSIDE_VIDEO,
    /** A cut ends before it starts, or two cuts overlap. {start} {end} */
    CUT_INVALID,
    /** The cuts leave nothing of the video. */
    NOTHING_LEFT,
    /** A chapter starts outside the video or inside a removed part only. {start} */
    CHAPTER_OUTSIDE_VIDEO,
    /** A subtitle file is not UTF-8. {lang} {encoding} */
    SUBTITLE_ENCODING,
    /** A subtitle file has a line that is neither a cue number, a timing line nor text. {lang} {line} */
    SUBTITLE_SYNTAX,
    /** A subtitle cue ends before it starts. {lang} {cue} {line} */
    SUBTITLE_TIMING,
    /** A subtitle cue starts before the previous one. {lang} {cue} {line} */
    SUBTITLE_ORDER,
    /** A subtitle cue starts before the previous one ends. {lang} {cue} {line} */
    SUBTITLE_OVERLAP,
    /** A subtitle cue starts after the end of the video. {lang} {cue} {line} */
    SUBTITLE_BEYOND_VIDEO,
    /** A subtitle file has no cues. {lang} */
    SUBTITLE_EMPTY,
    /** An upload is over the size limit. {max} */
    UPLOAD_TOO_LARGE,
    /** An upload ended before all its bytes arrived. */
    UPLOAD_INCOMPLETE,
    /** The course description is not valid. {field} {reason} */
    COURSE_INVALID,
    /** FFmpeg failed on this step. {detail} */
    PROCESSING_FAILED,
    /** Object storage could not be reached or refused an operation. {detail} */
    STORAGE_FAILED,
    /** The job was cancelled. */
    CANCELLED,
    /** An unexpected fault (see the server log). {detail} */
    INTERNAL;

    /** The web client's dictionary key. */
    public String key() {
        return "studio.error." + name();
    }
}
