// Package e2e tests analyst as its users meet it: the binary, built once,
// run from the repository's top folder as a person or a script would run
// it, its command line through pipes, its reader in tmux, its server
// through the real OpenSSH client. It holds only tests; the code they test
// lives in internal/cli, ui and internal/server, whose own tests run in
// process.
package e2e
