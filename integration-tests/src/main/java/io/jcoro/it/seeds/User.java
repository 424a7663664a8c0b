package io.jcoro.it.seeds;

import java.util.Objects;

/**
 * The seed's user dictionary, {@code {"id", "name", "email"}} plus the {@code "processed"} flag
 * that {@code process_user} sets. Mutable in that one flag, as the seed mutates its dictionary.
 */
public final class User {
    private final int id;
    private final String name;
    private final String email;
    private boolean processed;

    public User(int id, String name, String email) {
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.email = Objects.requireNonNull(email, "email");
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public boolean processed() {
        return processed;
    }

    /** {@code user["processed"] = True}. */
    public void markProcessed() {
        processed = true;
    }

    /** One line that the Python oracle prints identically for its dictionary. */
    public String describe() {
        return "id=" + id + " name=" + name + " email=" + email + " processed=" + (processed ? "yes" : "no");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User other
                && id == other.id
                && name.equals(other.name)
                && email.equals(other.email)
                && processed == other.processed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, email, processed);
    }

    @Override
    public String toString() {
        return "User[" + describe() + "]";
    }
}
