import { EditorPanel } from '../editor/EditorPanel';
import { LessonPanel } from '../lesson/LessonPanel';

/** The right column: the guided lesson (when one is open) above the manifest editor. */
export function Sidebar() {
  return (
    <div className="sidebar">
      <LessonPanel />
      <EditorPanel />
    </div>
  );
}
