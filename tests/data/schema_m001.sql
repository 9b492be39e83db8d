-- A claimtrack store at the first schema (m001_initial), after ingesting one article.
-- Made with Python's sqlite3 iterdump. Rows of the FTS5 table itself are left out
-- (its shadow tables, dumped below, hold the index), and user_version, which a dump
-- does not carry, is set at the end. Never edit: it stands for databases in the wild.
BEGIN TRANSACTION;
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO "_sqlite_migrations" VALUES(1,'claimtrack','m001_initial','2026-11-28 23:02:19.651492+00:00');
CREATE TABLE "dates" (
   "id" INTEGER PRIMARY KEY,
   "source_id" INTEGER REFERENCES "sources"("id"),
   "text" TEXT,
   "start" INTEGER,
   "end" INTEGER,
   "value" TEXT,
   "date_key" TEXT,
   "precision" TEXT,
   "relation" TEXT
);
CREATE TABLE "figures" (
   "id" INTEGER PRIMARY KEY,
   "source_id" INTEGER REFERENCES "sources"("id"),
   "text" TEXT,
   "start" INTEGER,
   "end" INTEGER,
   "value" REAL,
   "low" REAL,
   "high" REAL,
   "qualifier" TEXT,
   "change" TEXT,
   "unit" TEXT,
   "subject" TEXT,
   "claimant" TEXT,
   "modality" TEXT,
   "date" TEXT,
   "date_key" TEXT,
   "date_text" TEXT,
   "sentence" TEXT,
   "sentence_start" INTEGER,
   "sentence_end" INTEGER,
   "topics" TEXT
);
INSERT INTO "figures" VALUES(1,1,'1,200 containers',24,40,1200.0,NULL,NULL,'exact',NULL,'container','containers','port authority',NULL,'2024-11-12','2024-11-12',NULL,'The port authority said 1,200 containers were stranded at the harbour after the storm.',0,86,'[]');
CREATE TABLE "sentences" (
   "id" INTEGER PRIMARY KEY,
   "source_id" INTEGER REFERENCES "sources"("id"),
   "start" INTEGER,
   "end" INTEGER,
   "paragraph" INTEGER,
   "text" TEXT
);
INSERT INTO "sentences" VALUES(1,1,0,86,0,'The port authority said 1,200 containers were stranded at the harbour after the storm.');
INSERT INTO "sentences" VALUES(2,1,87,138,1,'Fishermen denied that the breakwater had collapsed.');
PRAGMA writable_schema=ON;
INSERT INTO sqlite_master(type,name,tbl_name,rootpage,sql)VALUES('table','sentences_fts','sentences_fts',0,'CREATE VIRTUAL TABLE "sentences_fts" USING FTS5 (
    "text",
    tokenize=''porter'',
    content="sentences"
)');
CREATE TABLE 'sentences_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO "sentences_fts_config" VALUES('version',4);
CREATE TABLE 'sentences_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO "sentences_fts_data" VALUES(1,X'0216');
INSERT INTO "sentences_fts_data" VALUES(10,X'000000000102020002010101020101');
INSERT INTO "sentences_fts_data" VALUES(137438953473,X'0000007B02303101020601033230300102070105616674657201020E02017401020B02057574686F720102040107636F6E7461696E0102080107686172626F757201020D0104706F72740102030104736169640102050204746F726D010210030472616E6401020A01037468650106020C050104776572650102090406080A060A0C0C090909090A');
INSERT INTO "sentences_fts_data" VALUES(274877906945,X'0000004B0930627265616B7761740202060107636F6C6C617073020208010464656E6902020301096669736865726D656E0202020103686164020207010474686174020204030165020205040D0C090E0809');
CREATE TABLE 'sentences_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO "sentences_fts_docsize" VALUES(1,X'0F');
INSERT INTO "sentences_fts_docsize" VALUES(2,X'07');
CREATE TABLE 'sentences_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO "sentences_fts_idx" VALUES(1,X'',2);
INSERT INTO "sentences_fts_idx" VALUES(2,X'',2);
CREATE TABLE "sources" (
   "id" INTEGER PRIMARY KEY,
   "path" TEXT NOT NULL,
   "title" TEXT,
   "outlet" TEXT,
   "published" TEXT,
   "published_from" TEXT,
   "url" TEXT,
   "sha256" TEXT NOT NULL,
   "words" INTEGER,
   "encoding" TEXT,
   "ingested_at" TEXT,
   "text" TEXT NOT NULL
);
INSERT INTO "sources" VALUES(1,'m001.txt','Harbour reopens after storm','Coastal Courier','2024-11-12','front matter','https://example.org/harbour','5e978c108565f617179da8c7214ab01c818d020dcd647d29ec636e8ecee08c19',21,'utf-8','2026-11-28T23:02:19+00:00','The port authority said 1,200 containers were stranded at the harbour after the storm.
Fishermen denied that the breakwater had collapsed.
');
CREATE TABLE "statements" (
   "id" INTEGER PRIMARY KEY,
   "source_id" INTEGER REFERENCES "sources"("id"),
   "speaker" TEXT,
   "speaker_start" INTEGER,
   "speaker_end" INTEGER,
   "cue" TEXT,
   "cue_start" INTEGER,
   "cue_end" INTEGER,
   "verb" TEXT,
   "stance" TEXT,
   "content" TEXT,
   "content_start" INTEGER,
   "content_end" INTEGER,
   "sentence" TEXT,
   "start" INTEGER,
   "end" INTEGER,
   "cited" TEXT,
   "date" TEXT,
   "date_key" TEXT,
   "topics" TEXT
);
INSERT INTO "statements" VALUES(1,1,'port authority',0,18,'said',19,23,'say','estimate','1,200 containers were stranded at the harbour after the storm',24,85,'The port authority said 1,200 containers were stranded at the harbour after the storm.',0,86,NULL,'2024-11-12','2024-11-12','[]');
INSERT INTO "statements" VALUES(2,1,'Fishermen',87,96,'denied',97,103,'deny','deny','the breakwater had collapsed',109,137,'Fishermen denied that the breakwater had collapsed.',87,138,NULL,'2024-11-12','2024-11-12','[]');
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE UNIQUE INDEX "idx_sources_sha256"
    ON "sources" ("sha256");
CREATE INDEX "idx_sources_path"
    ON "sources" ("path");
CREATE INDEX "idx_sources_published"
    ON "sources" ("published");
CREATE INDEX "idx_sentences_source_id_start"
    ON "sentences" ("source_id", "start");
CREATE TRIGGER "sentences_ai" AFTER INSERT ON "sentences" BEGIN
  INSERT INTO "sentences_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "sentences_ad" AFTER DELETE ON "sentences" BEGIN
  INSERT INTO "sentences_fts" ("sentences_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
END;
CREATE TRIGGER "sentences_au" AFTER UPDATE ON "sentences" BEGIN
  INSERT INTO "sentences_fts" ("sentences_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
  INSERT INTO "sentences_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE INDEX "idx_statements_source_id"
    ON "statements" ("source_id");
CREATE INDEX "idx_statements_speaker"
    ON "statements" ("speaker");
CREATE INDEX "idx_statements_stance"
    ON "statements" ("stance");
CREATE INDEX "idx_statements_date_key"
    ON "statements" ("date_key");
CREATE INDEX "idx_figures_source_id"
    ON "figures" ("source_id");
CREATE INDEX "idx_figures_claimant"
    ON "figures" ("claimant");
CREATE INDEX "idx_figures_unit"
    ON "figures" ("unit");
CREATE INDEX "idx_figures_date_key"
    ON "figures" ("date_key");
CREATE INDEX "idx_dates_source_id"
    ON "dates" ("source_id");
CREATE INDEX "idx_dates_date_key"
    ON "dates" ("date_key");
PRAGMA writable_schema=OFF;
COMMIT;
PRAGMA user_version = 1;
