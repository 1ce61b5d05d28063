package server

import _ "embed"

// openAPI describes the JSON API. It is written by hand; a test checks that
// it names exactly the routes the server registers.
//
//go:embed openapi.json
var openAPI []byte
