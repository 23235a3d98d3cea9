package sabaq.signalling.lesson;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last {@code capacity} chat messages of a lesson, oldest first (a ring: adding beyond capacity drops the oldest). */
public final class ChatHistory {
    private final int capacity;
    private final ArrayDeque<ChatMessage> messages;

    public ChatHistory(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("capacity < 0");
        this.capacity = capacity;
        this.messages = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public void add(ChatMessage m) {
        if (capacity == 0) return;
        if (messages.size() == capacity) messages.removeFirst();
        messages.addLast(m);
    }

    public List<ChatMessage> snapshot() {
        return new ArrayList<>(messages);
    }

    public int size() {
        return messages.size();
    }
}
