-- The interserver links' projection moves into the ledger's processor (one reader of the event stream instead of
-- two); the 'interserver' processor and its tokens go away.
--
-- The ledger's processor continues from its own position: a link event the 'interserver' processor had not handled
-- yet, but the ledger's had passed, would never reach the links. Whenever that may be so (the interserver tokens
-- below the ledger's, or either with gaps, or a token that is not a plain position: a replay under way), every read
-- model of the ledger's processor is rebuilt from the events, which the processor does when it finds no token.

DO $$
DECLARE
    rebuild boolean;
BEGIN
    IF EXISTS (SELECT 1 FROM tokenentry WHERE processorname = 'interserver')
       AND EXISTS (SELECT 1 FROM tokenentry WHERE processorname = 'ledger') THEN
        SELECT coalesce(bool_or(t.tokentype IS DISTINCT FROM 'org.axonframework.eventhandling.GapAwareTrackingToken'
                                OR t.token IS NULL
                                OR json_array_length(convert_from(t.token, 'UTF8')::json -> 'gaps') > 0), true)
               OR coalesce((SELECT min((convert_from(token, 'UTF8')::json ->> 'index')::bigint)
                            FROM tokenentry WHERE processorname = 'interserver')
                           < (SELECT max((convert_from(token, 'UTF8')::json ->> 'index')::bigint)
                              FROM tokenentry WHERE processorname = 'ledger'), true)
        INTO rebuild
        FROM tokenentry t WHERE t.processorname IN ('interserver', 'ledger');
        IF rebuild THEN
            TRUNCATE audit_event, infraction_state, sanction_state, interserver_link,
                     federation, federation_partner, federation_entry, federation_override, federation_outcome,
                     backup, restore_run, restore_step, raid, raid_account;
            DELETE FROM tokenentry WHERE processorname = 'ledger';
        END IF;
    END IF;
    DELETE FROM tokenentry WHERE processorname = 'interserver';
END $$;
