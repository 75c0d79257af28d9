-- Reverses 0006_backlog. The trigger's helper takes a stories row, so it goes before the table.
DROP TRIGGER stories_activity ON app.stories;
DROP FUNCTION app.story_tracked_fields(app.stories);
DROP TABLE app.task_activity;
DROP TABLE app.tasks;
DROP TABLE app.story_activity;
DROP TABLE app.story_relations;
DROP TABLE app.stories;
DROP TABLE app.sprints;
DROP TABLE app.epics;
DROP TABLE app.backlog_counters;
DROP FUNCTION app.refuse_task_activity_change();
DROP FUNCTION app.apply_task_activity();
DROP FUNCTION app.refuse_backlog_history_change();
DROP FUNCTION app.record_story_activity();
DROP FUNCTION app.touch_story();
DROP FUNCTION app.number_epic();
DROP FUNCTION app.number_story();
