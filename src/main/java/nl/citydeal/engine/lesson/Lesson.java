package nl.citydeal.engine.lesson;

import java.time.Instant;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A lesson a deal shared when it closed: what worked, or (just as valuable) what did not. */
@Entity
@Table(name = "lesson")
public class Lesson {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String dealId;
    private String theme;
    private String text;
    private boolean positive;
    private Instant recordedAt;

    protected Lesson() {}

    public Lesson(String dealId, String theme, String text, boolean positive, Instant recordedAt) {
        this.dealId = dealId;
        this.theme = theme;
        this.text = text;
        this.positive = positive;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public String getDealId() {
        return dealId;
    }

    public String getTheme() {
        return theme;
    }

    public String getText() {
        return text;
    }

    public boolean isPositive() {
        return positive;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
