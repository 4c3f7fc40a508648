"""Assessments, their full history, and members' private answers in group assessments.

The answers are stored as the interchange format's ``answers`` object (JSON), validated by
``resguardo.risk.answers_from_dict`` on every read and write; the plan is always recomputed.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from resguardo.web.collectives.models import Collective


class Assessment(models.Model):
    #: Steps of the guided flow, in order; ``step`` is the furthest reached.
    STEPS = ("profile", "assets", "adversaries", "threats", "questions", "plan")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=200, blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments")
    #: Set for a group's assessment; members answer privately (MemberAnswers) unless they share.
    collective = models.ForeignKey(
        Collective, null=True, blank=True, on_delete=models.CASCADE, related_name="assessments"
    )
    answers = models.JSONField(default=dict)
    step = models.CharField(max_length=20, default="profile")
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.title or str(self.id)


class AssessmentVersion(models.Model):
    """Every saved change: the whole answers after it, and the field-level changes."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    answers = models.JSONField()
    changes = models.JSONField(default=list)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    changed_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["assessment", "number"], name="one_version_number")]


class MemberAnswers(models.Model):
    """A member's own answers in a group assessment: private unless ``shared``."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="member_answers")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    answers = models.JSONField(default=dict)
    shared = models.BooleanField(_("shared with the facilitator"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "person"], name="one_answers_per_member")
        ]
