// Copies the icons next to the compiled JavaScript, where n8n looks for `file:` icons: one folder for both
// services, which the nodes (`file:../../icons/…`) and credentials (`file:../icons/…`) point into.
const path = require('path');
const { task, src, dest } = require('gulp');

function copyIcons() {
	return src(path.resolve('icons', '*.svg'), { encoding: false }).pipe(dest(path.resolve('dist', 'icons')));
}

task('build:icons', copyIcons);
