package nl.citydeal.engine.prompt.notify;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UserSettingRepository extends JpaRepository<UserSetting, String> {

    /** The users who chose the weekly digest explicitly (on). */
    List<UserSetting> findByWeeklyDigestTrueOrderByUserId();

    List<UserSetting> findAllByOrderByUserId();
}
