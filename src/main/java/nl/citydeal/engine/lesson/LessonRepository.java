package nl.citydeal.engine.lesson;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LessonRepository extends JpaRepository<Lesson, Long> {

    List<Lesson> findByDealIdOrderByRecordedAtAscIdAsc(String dealId);

    @Query("""
            select l from Lesson l
            where (:theme is null or lower(l.theme) like lower(concat('%', cast(:theme as string), '%')))
              and (:text is null or lower(l.text) like lower(concat('%', cast(:text as string), '%')))
            order by l.recordedAt desc, l.id desc""")
    List<Lesson> search(@Param("theme") String theme, @Param("text") String text);
}
