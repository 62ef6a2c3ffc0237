package nl.citydeal.engine.lesson;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A lesson a deal shared when it closed: what worked, or (just as valuable) what did not; tagged with the seed's
 * lessons it is about, and internal when the deal shared it with the programme office only ({@link Lessons}).
 */
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

    /** Shared with the programme office only: not for the leads of other deals. */
    private boolean internal;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lesson_tag", joinColumns = @JoinColumn(name = "lesson_id"))
    @Column(name = "tag")
    @Enumerated(EnumType.STRING)
    private Set<LessonTag> tags = EnumSet.noneOf(LessonTag.class);

    protected Lesson() {}

    public Lesson(String dealId, String theme, String text, boolean positive, Instant recordedAt) {
        this(dealId, theme, text, positive, recordedAt, Set.of(), false);
    }

    public Lesson(
            String dealId,
            String theme,
            String text,
            boolean positive,
            Instant recordedAt,
            Collection<LessonTag> tags,
            boolean internal) {
        this.dealId = dealId;
        this.theme = theme;
        this.text = text;
        this.positive = positive;
        this.recordedAt = recordedAt;
        this.internal = internal;
        this.tags.addAll(tags);
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

    public boolean isInternal() {
        return internal;
    }

    /** The seed's lessons this one is about, in the seed's order. */
    public Set<LessonTag> getTags() {
        return tags.isEmpty() ? EnumSet.noneOf(LessonTag.class) : EnumSet.copyOf(tags);
    }
}
