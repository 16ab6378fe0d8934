/*
 * The role-play editor: a conversation node's fields are drawn when the author opens it.
 *
 * Wagtail's StructBlock draws every field of every node as the editor opens (a 40-node
 * conversation: about 1,700 fields, seconds of script). Nodes open closed, so until one is
 * opened it is a heading and one hidden input holding its stored value (the form state's
 * "__stored__", posted as "<prefix>-stored" and read by scenarios.blocks.BaseNodeBlock).
 * Opening it, an error on it, a new node (drawn open), duplicating it or focusing it draws the
 * real StructBlock in its place, which from then on posts its fields as usual.
 */
(() => {
  const { StructBlockDefinition } = window.wagtailStreamField.blocks;
  const STORED_STATE = '__stored__';
  const STORED_INPUT = 'stored';
  // Read for the heading of an unopened node, like StructBlock's first labelled child.
  const LABEL_FIELDS = ['key', 'text'];

  /** The form's unsaved-changes check: drawing a node's fields is no edit of the scenario. */
  const unsavedChecker = (element) => {
    const form = element.closest('form');
    const app = window.wagtail && window.wagtail.app;
    if (!form || !app) return null;
    return app.getControllerForElementAndIdentifier(form, 'w-unsaved');
  };

  class UnopenedNode {
    constructor(blockDef, placeholder, prefix, initialState) {
      this.blockDef = blockDef;
      this.prefix = prefix;
      this.state = initialState;
      this.block = null;

      const target = placeholder.jquery ? placeholder[0] : placeholder;
      this.element = document.createElement('div');
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = `${prefix}-${STORED_INPUT}`;
      input.value = JSON.stringify(initialState[STORED_STATE]);
      this.element.append(input);
      target.replaceWith(this.element);

      const child = this.element.closest('[data-streamfield-child]');
      this.toggle = child && child.querySelector('[data-panel-toggle]');
      this.onToggle = (event) => {
        if (event.detail && event.detail.expanded) this.open();
      };
      if (this.toggle) this.toggle.addEventListener('wagtail:panel-toggle', this.onToggle);
      // The sequence collapses its initial children just after drawing them; any node still
      // open once the editor is drawn (one just added) shows its fields.
      queueMicrotask(() => {
        if (!this.toggle || this.toggle.getAttribute('aria-expanded') !== 'false') this.open();
      });
    }

    /** Draw the node's fields (once) and return the StructBlock drawn. */
    open() {
      if (this.block) return this.block;
      if (this.toggle) this.toggle.removeEventListener('wagtail:panel-toggle', this.onToggle);
      const checker = unsavedChecker(this.element);
      const unchanged =
        checker && checker.initialFormData !== undefined
          ? checker.initialFormData === checker.formData
          : false;
      const placeholder = document.createElement('div');
      this.element.replaceWith(placeholder);
      this.block = StructBlockDefinition.prototype.render.call(
        this.blockDef,
        placeholder,
        this.prefix,
        this.state,
        undefined,
      );
      // The same value now posted as fields: still no changes to save (nor to autosave).
      if (unchanged) checker.setInitialFormData();
      return this.block;
    }

    get container() {
      return this.block ? this.block.container : $(this.element);
    }

    get childBlocks() {
      return this.open().childBlocks;
    }

    getTextLabel(opts) {
      if (this.block) return this.block.getTextLabel(opts);
      const maxLength = opts && opts.maxLength;
      for (const name of LABEL_FIELDS) {
        const value = this.state[name];
        if (typeof value === 'string' && value.trim()) {
          return maxLength && value.length > maxLength
            ? `${value.slice(0, maxLength - 1)}…`
            : value;
        }
      }
      return null;
    }

    getState() {
      return this.block ? this.block.getState() : this.state;
    }

    setState(state) {
      this.open().setState(state);
    }

    setError(error) {
      if (error) this.open().setError(error);
    }

    getValue() {
      return this.open().getValue();
    }

    getDuplicatedState() {
      return this.open().getDuplicatedState();
    }

    focus(opts) {
      this.open().focus(opts);
    }
  }

  class NodeBlockDefinition extends StructBlockDefinition {
    render(placeholder, prefix, initialState, initialError) {
      const lazy =
        initialState &&
        initialState[STORED_STATE] !== undefined &&
        !initialError &&
        // The comment app anchors comments to drawn fields: draw all where it runs.
        !(window.comments && window.comments.commentApp);
      if (!lazy) return super.render(placeholder, prefix, initialState, initialError);
      return new UnopenedNode(this, placeholder, prefix, initialState);
    }
  }

  window.telepath.register('scenarios.blocks.NodeBlock', NodeBlockDefinition);
})();
