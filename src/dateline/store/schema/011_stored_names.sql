-- Every name the read models match a text filter against (an entity's name, an event's actor or recipient
-- name) once, beside its lower case as the engine writes it. A filter's text ("--actor gauck") is matched
-- here, in a table as long as the distinct names, and the rows are then kept by the names it found
-- (query.py, store/names.py): computing lower() of every entity and event row of a large store was most
-- of a name filter's time. Names are only ever added (store/names.py, with each save): a name no row
-- carries any more matches no row, so a stale one changes no answer.
CREATE TABLE IF NOT EXISTS stored_names (
    name VARCHAR PRIMARY KEY,
    folded VARCHAR NOT NULL
);
INSERT INTO stored_names (name, folded)
SELECT n, lower(n) FROM (SELECT name AS n FROM entities UNION SELECT actor_name FROM events
                         UNION SELECT recipient_name FROM events) x
WHERE n IS NOT NULL;
