// Command mailpit runs Mailpit (github.com/axllent/mailpit), the SMTP sink of development and tests: it keeps
// every mail it receives and shows them in a web inbox and over its HTTP API (/api/v1). Our own main module,
// like infra/ferretdb, so the version is pinned by go.mod/go.sum and built with the project's Go.
package main

import "github.com/axllent/mailpit/cmd"

func main() { cmd.Execute() }
