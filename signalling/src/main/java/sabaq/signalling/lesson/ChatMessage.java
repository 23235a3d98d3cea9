package sabaq.signalling.lesson;

/** One chat line as broadcast and kept in the lesson's history; {@code ts} is epoch milliseconds. */
public record ChatMessage(String id, String participantId, String name, Role role, String text, long ts) {
}
