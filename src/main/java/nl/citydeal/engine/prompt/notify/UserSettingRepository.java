package nl.citydeal.engine.prompt.notify;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserSettingRepository extends JpaRepository<UserSetting, String> {

    /** The users who chose the weekly digest explicitly (on). */
    List<UserSetting> findByWeeklyDigestTrueOrderByUserId();

    List<UserSetting> findAllByOrderByUserId();

    /** Removes the user's settings, if any (a single statement: two nodes doing it at once do not collide). */
    @Modifying
    @Query("delete from UserSetting s where s.userId = :userId")
    int deleteByUser(@Param("userId") String userId);
}
