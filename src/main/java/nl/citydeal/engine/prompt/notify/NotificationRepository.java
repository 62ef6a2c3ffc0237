package nl.citydeal.engine.prompt.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The outbox. The state changes of sending are single guarded updates, so nodes never overwrite each other. */
public interface NotificationRepository extends JpaRepository<Notification, Long> {

    boolean existsByDedupeKey(String dedupeKey);

    List<Notification> findAllByOrderByCreatedAtDescIdDesc(Pageable page);

    List<Notification> findByDealIdAndStatusOrderById(String dealId, NotificationStatus status);

    List<Notification> findByKindInOrderById(Collection<NotificationKind> kinds);

    long countByStatus(NotificationStatus status);

    List<Notification> findByStatusOrderByCreatedAtDescIdDesc(NotificationStatus status, Pageable page);

    /** A mail given up is tried once more, now, by any node (to the address given, which may be new). */
    @Modifying
    @Query("""
            update Notification n set n.status = nl.citydeal.engine.prompt.notify.NotificationStatus.PENDING,
              n.nextAttemptAt = :now, n.recipientEmail = :email, n.claimedBy = null, n.claimedUntil = null
            where n.id = :id and n.status = nl.citydeal.engine.prompt.notify.NotificationStatus.FAILED""")
    int retryFailed(@Param("id") Long id, @Param("email") String email, @Param("now") Instant now);

    /** A mail given up is let go: it stays in the outbox as cancelled, with the reason. */
    @Modifying
    @Query("""
            update Notification n set n.status = nl.citydeal.engine.prompt.notify.NotificationStatus.CANCELLED,
              n.lastError = :reason
            where n.id = :id and n.status = nl.citydeal.engine.prompt.notify.NotificationStatus.FAILED""")
    int dismissFailed(@Param("id") Long id, @Param("reason") String reason);

    /** Pending mails whose time has come and that no node holds, oldest first. */
    @Query("""
            select n.id from Notification n
            where n.status = nl.citydeal.engine.prompt.notify.NotificationStatus.PENDING and n.nextAttemptAt <= :now
              and (n.claimedUntil is null or n.claimedUntil < :now)
            order by n.nextAttemptAt, n.id""")
    List<Long> findSendable(@Param("now") Instant now, Pageable page);

    /** Claims one mail for a node until the lease ends; 1 if this node got it, 0 if another holds it or it is done. */
    @Modifying
    @Query("""
            update Notification n set n.claimedBy = :node, n.claimedUntil = :until
            where n.id = :id and n.status = nl.citydeal.engine.prompt.notify.NotificationStatus.PENDING
              and n.nextAttemptAt <= :now and (n.claimedUntil is null or n.claimedUntil < :now)""")
    int claim(
            @Param("id") Long id, @Param("node") String node, @Param("now") Instant now, @Param("until") Instant until);

    /** The mail went out. Whoever sent it, it is sent: no node may claim it again. */
    @Modifying
    @Query("""
            update Notification n set n.status = nl.citydeal.engine.prompt.notify.NotificationStatus.SENT, n.sentAt = :at,
              n.attempts = n.attempts + 1, n.claimedBy = :node, n.claimedUntil = null, n.lastError = null
            where n.id = :id and n.status = nl.citydeal.engine.prompt.notify.NotificationStatus.PENDING""")
    int markSent(@Param("id") Long id, @Param("node") String node, @Param("at") Instant at);

    /** The attempt failed: try again later, by any node. */
    @Modifying
    @Query("""
            update Notification n set n.attempts = n.attempts + 1, n.nextAttemptAt = :next, n.lastError = :error,
              n.claimedBy = null, n.claimedUntil = null
            where n.id = :id and n.claimedBy = :node and n.status = nl.citydeal.engine.prompt.notify.NotificationStatus.PENDING""")
    int markRetry(
            @Param("id") Long id,
            @Param("node") String node,
            @Param("next") Instant next,
            @Param("error") String error);

    /** The last attempt failed, or the mail cannot be sent at all, or it is no longer wanted. */
    @Modifying
    @Query("""
            update Notification n set n.status = :status, n.attempts = n.attempts + :attempted, n.lastError = :error,
              n.claimedUntil = null
            where n.id = :id and n.claimedBy = :node and n.status = nl.citydeal.engine.prompt.notify.NotificationStatus.PENDING""")
    int markSettled(
            @Param("id") Long id,
            @Param("node") String node,
            @Param("status") NotificationStatus status,
            @Param("attempted") int attempted,
            @Param("error") String error);

    /** Cancels pending mails about prompts that were done meanwhile, unless a node is sending them right now. */
    @Modifying
    @Query("""
            update Notification n set n.status = nl.citydeal.engine.prompt.notify.NotificationStatus.CANCELLED, n.lastError = :reason
            where n.id in :ids and n.status = nl.citydeal.engine.prompt.notify.NotificationStatus.PENDING
              and (n.claimedUntil is null or n.claimedUntil < :now)""")
    int cancel(@Param("ids") Collection<Long> ids, @Param("reason") String reason, @Param("now") Instant now);

    /** Removes the deal's mails, whatever their state (retention). */
    @Modifying
    @Query("delete from Notification n where n.dealId = :dealId")
    int deleteByDeal(@Param("dealId") String dealId);

    /** Removes mails that were settled (sent, failed, cancelled) and made before the moment (retention). */
    @Modifying
    @Query("""
            delete from Notification n
            where n.status <> nl.citydeal.engine.prompt.notify.NotificationStatus.PENDING and n.createdAt < :before""")
    int deleteSettledBefore(@Param("before") Instant before);

    /** The users that pending mails go to. */
    @Query("""
            select distinct n.recipientUser from Notification n
            where n.status = nl.citydeal.engine.prompt.notify.NotificationStatus.PENDING and n.recipientUser is not null""")
    List<String> pendingRecipients();

    @Query("""
            select n.id from Notification n
            where n.status = nl.citydeal.engine.prompt.notify.NotificationStatus.PENDING and n.recipientUser = :userId""")
    List<Long> pendingFor(@Param("userId") String userId);
}
