package main

import (
	"embed"
	"io/fs"
)

// embedded holds the library that ships inside the binary.
//
//go:embed articles
var embedded embed.FS

// embeddedLibrary is the embedded articles folder as the root of a library.
func embeddedLibrary() fs.FS {
	sub, err := fs.Sub(embedded, "articles")
	if err != nil {
		panic(err) // cannot happen: "articles" is a valid path embedded above
	}
	return sub
}
