// Command ferretdb runs the embedded FerretDB v1 used as the default MongoDB-compatible store: its
// PostgreSQL handler on the PostgreSQL cluster `npm start` manages, or its SQLite handler on plain files.
// It is our own main module because `go install` of upstream's cmd/ferretdb panics at start (missing
// generated version file, FerretDB#2982).
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27018", "TCP address to listen on")
	handler := flag.String("handler", "sqlite", "storage handler: sqlite or postgresql")
	dir := flag.String("sqlite-dir", ".data/ferretdb", "sqlite handler: directory holding one SQLite file per database")
	pgURL := flag.String("postgresql-url", "", "postgresql handler: connection URL, e.g. postgres://postgres@127.0.0.1:5432/ferretdb")
	flag.Parse()

	cfg := ferretdb.Config{Listener: ferretdb.ListenerConfig{TCP: *listen}, Handler: *handler}
	where := ""
	switch *handler {
	case "sqlite":
		abs, err := filepath.Abs(*dir)
		if err != nil {
			log.Fatal(err)
		}
		if err := os.MkdirAll(abs, 0o755); err != nil {
			log.Fatal(err)
		}
		cfg.SQLiteURL = "file:" + abs + "/"
		where = abs
	case "postgresql":
		if *pgURL == "" {
			log.Fatal("--postgresql-url is required with --handler postgresql")
		}
		u, err := url.Parse(*pgURL)
		if err != nil {
			log.Fatalf("--postgresql-url: %v", err)
		}
		cfg.PostgreSQLURL = *pgURL
		where = u.Redacted()
	default:
		log.Fatalf("--handler must be sqlite or postgresql, not %q", *handler)
	}

	f, err := ferretdb.New(&cfg)
	if err != nil {
		log.Fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	fmt.Fprintf(os.Stderr, "{\"level\":\"info\",\"msg\":\"ferretdb listening\",\"addr\":%q,\"handler\":%q,\"store\":%q}\n", *listen, *handler, where)
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		log.Fatal(err)
	}
}
