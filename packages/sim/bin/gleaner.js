#!/usr/bin/env node
// The installed `gleaner` command: runs the compiled CLI.
import '../dist/cli/main.js';
