-- Creates the ferretdb database and its companion-index triggers (why: infra/dev/src/postgres.ts).
-- The one copy of this SQL: the compose file runs it whole with psql; `npm start` and the test setups run
-- the part after `\connect ferretdb` (infra/dev/src/postgres.ts, companionIndexSql).
SELECT 'CREATE DATABASE ferretdb TEMPLATE template0 ENCODING ''UTF8'' LOCALE ''C'''
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'ferretdb')\gexec
\connect ferretdb
CREATE OR REPLACE FUNCTION public.seleksi_gin_companion(idx oid) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  ix pg_index;
  rel pg_class;
  tbl pg_class;
  nsp text;
  cols text := '';
  expr text;
  k int;
BEGIN
  SELECT * INTO ix FROM pg_index WHERE indexrelid = idx;
  SELECT * INTO rel FROM pg_class WHERE oid = idx;
  SELECT * INTO tbl FROM pg_class WHERE oid = ix.indrelid;
  SELECT nspname INTO nsp FROM pg_namespace WHERE oid = rel.relnamespace;
  IF ix IS NULL OR rel.relam <> (SELECT oid FROM pg_am WHERE amname = 'btree') OR ix.indexprs IS NULL
     OR nsp IN ('pg_catalog', 'information_schema') OR tbl.relname LIKE '\_ferretdb\_%' THEN
    RETURN;
  END IF;
  FOR k IN 1 .. ix.indnatts LOOP
    expr := pg_get_indexdef(idx, k, true);
    IF expr NOT LIKE '%_jsonb%' THEN
      RETURN;
    END IF;
    cols := cols || CASE WHEN k > 1 THEN ', ' ELSE '' END || '(' || expr || ') jsonb_path_ops';
  END LOOP;
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin (%s)',
                 left(rel.relname, 59) || '_gin', nsp, tbl.relname, cols);
END
$fn$;

CREATE OR REPLACE FUNCTION public.seleksi_gin_companion_created() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE r record;
BEGIN
  FOR r IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'index' LOOP
    PERFORM public.seleksi_gin_companion(r.objid);
  END LOOP;
END
$fn$;

CREATE OR REPLACE FUNCTION public.seleksi_gin_companion_dropped() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE r record;
BEGIN
  FOR r IN SELECT schema_name, object_name FROM pg_event_trigger_dropped_objects()
           WHERE object_type = 'index' AND original AND object_name NOT LIKE '%\_gin' LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I.%I', r.schema_name, left(r.object_name, 59) || '_gin');
  END LOOP;
END
$fn$;

DROP EVENT TRIGGER IF EXISTS seleksi_gin_companion_created;
CREATE EVENT TRIGGER seleksi_gin_companion_created ON ddl_command_end WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION public.seleksi_gin_companion_created();
DROP EVENT TRIGGER IF EXISTS seleksi_gin_companion_dropped;
CREATE EVENT TRIGGER seleksi_gin_companion_dropped ON sql_drop WHEN TAG IN ('DROP INDEX')
  EXECUTE FUNCTION public.seleksi_gin_companion_dropped();

-- Indexes made before the triggers existed (an older data dir).
SELECT count(public.seleksi_gin_companion(i.indexrelid)) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast');
