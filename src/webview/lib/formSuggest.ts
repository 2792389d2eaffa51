// "Next free address", "Suggest a free subnet": what the host said per field, kept while the field holds what it
// suggested (the reason shows beside the button, also after the form is rendered again).
import { fieldId } from '../../protocol/messages';

export class FieldSuggestions {
  private readonly said = new Map<string, string>();

  /** The reason to show beside the field's button. */
  message(path: string): string | undefined {
    return this.said.get(path);
  }

  clear(): void {
    this.said.clear();
  }

  /** The user changed the field: the reason no longer applies, and goes from the page at once. */
  forget(path: string): void {
    if (!this.said.delete(path)) return;
    const note = document.getElementById(`${fieldId(path)}-suggestion`);
    if (note) note.textContent = '';
  }

  /** What the host said about the field (after its value, if any, went in). */
  note(path: string, message: string): void {
    this.said.set(path, message);
  }
}
