//! Attached files of an opened package, waiting in a staging folder outside files/ until the
//! import commits: moved in all together, or back out if anything fails.

use crate::{io, Result};
use showcall_core::job::{Job, Unit};
use showcall_core::paths::blob_path;
use std::fs::File;
use std::path::{Path, PathBuf};

/// Attached files unpacked into a staging folder of their own (`.staging-<uuid>`); the folder
/// and whatever is still in it are removed when dropped.
#[derive(Debug)]
pub struct Staged {
    pub dir: PathBuf,
    pub files: Vec<String>,
}

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Staged {
    /// Moves every file into `files_dir/<aa>/<sha256>` (files already there are the same bytes,
    /// and stay as they are). The move is undone — files back into the staging folder, folders
    /// it made removed — when the returned [`Committed`] is dropped without
    /// [`Committed::keep`], and at once when a move fails: the import that fails after this
    /// leaves nothing in the files folder.
    pub fn commit(&self, files_dir: &Path) -> Result<Committed<'_>> {
        self.commit_with(files_dir, &Job::none())
    }

    /// [`Staged::commit`], counting the files on `job` (stage `files`) and checking it before
    /// each: when cancelled, the files already moved go back to the staging folder.
    pub fn commit_with(&self, files_dir: &Path, job: &Job) -> Result<Committed<'_>> {
        let mut done = Committed {
            staged: self,
            moved: Vec::new(),
            made: Vec::new(),
            kept: false,
        };
        let mut meter = job.meter(Unit::Files, "files", Some(self.files.len() as u64));
        for h in &self.files {
            job.check()?;
            meter.add(1);
            let to = blob_path(files_dir, h);
            if to.exists() {
                continue;
            }
            let dir = to.parent().expect("blob paths have a folder");
            for d in [files_dir, dir] {
                if !d.exists() {
                    std::fs::create_dir_all(d).map_err(io(d))?;
                    done.made.push(d.to_path_buf());
                }
            }
            std::fs::rename(self.dir.join(h), &to).map_err(io(&to))?;
            done.moved.push(to);
        }
        // The renames reach the disk before the import's transaction commits.
        let mut dirs: Vec<&Path> = done.moved.iter().filter_map(|p| p.parent()).collect();
        dirs.sort();
        dirs.dedup();
        for d in dirs.into_iter().chain([files_dir]) {
            sync_dir(d);
        }
        job.check()?;
        meter.finish();
        Ok(done)
    }
}

/// Makes a folder's entries (a rename into it) durable; best effort, and only where a folder
/// can be opened (not on Windows, where the rename is durable with the file).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    let _ = File::open(dir).and_then(|f| f.sync_all());
    #[cfg(not(unix))]
    let _ = dir;
}

/// Attached files moved into the files folder by [`Staged::commit`], put back unless kept.
#[derive(Debug)]
pub struct Committed<'a> {
    staged: &'a Staged,
    /// Where each file moved to (it came from the staging folder under the same name).
    moved: Vec<PathBuf>,
    /// Folders made for them, outermost first.
    made: Vec<PathBuf>,
    kept: bool,
}

impl Committed<'_> {
    /// How many files were moved in (not already there).
    pub fn count(&self) -> usize {
        self.moved.len()
    }

    /// Keeps the files where they are (the import committed); returns how many moved in.
    pub fn keep(mut self) -> usize {
        self.kept = true;
        self.moved.len()
    }
}

impl Drop for Committed<'_> {
    fn drop(&mut self) {
        if self.kept {
            return;
        }
        for to in self.moved.iter().rev() {
            let back = self
                .staged
                .dir
                .join(to.file_name().expect("blob paths have a name"));
            if std::fs::rename(to, &back).is_err() {
                let _ = std::fs::remove_file(to);
            }
        }
        for d in self.made.iter().rev() {
            // Only when empty: another import may have put a file there meanwhile.
            let _ = std::fs::remove_dir(d);
        }
    }
}
