DROP TABLE attendance;
ALTER TABLE meetings DROP CONSTRAINT meetings_current_agenda_item_fkey;
DROP TABLE agenda_items;
DROP TABLE meetings;
