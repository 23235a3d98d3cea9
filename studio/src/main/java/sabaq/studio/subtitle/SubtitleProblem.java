package sabaq.studio.subtitle;

import sabaq.studio.error.StudioError;

import java.util.Map;

/** Why a subtitle file was refused: a {@link StudioError} code and its arguments (lang is added by the caller). */
public record SubtitleProblem(StudioError code, Map<String, String> args) {
    public SubtitleProblem {
        args = Map.copyOf(args);
    }
}
